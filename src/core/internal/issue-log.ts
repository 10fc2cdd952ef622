import { CxValidationError, MAX_REPORTED_ISSUES, type ValidationIssue } from '../errors.js';

/** Issues found so far, to throw together: the first 100 kept, all counted. */
export interface IssueLog {
  readonly issues: ValidationIssue[];
  count: number;
}

export function newIssueLog(): IssueLog {
  return { issues: [], count: 0 };
}

export function logIssue(log: IssueLog, issue: ValidationIssue): void {
  log.count++;
  if (log.issues.length < MAX_REPORTED_ISSUES) log.issues.push(issue);
}

export function throwIfIssues(log: IssueLog): void {
  if (log.count > 0) throw new CxValidationError(log.issues, log.count);
}

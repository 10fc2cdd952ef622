/** Survey exports in their platforms' real layouts, for the command line's tests and the offline page's. */

/**
 * Qualtrics' CSV export: column ids, question texts, then ImportIds; Q1 is the NPS question
 * with its Q1_NPS_GROUP twin (1 detractor, 2 passive, 3 promoter).
 */
export const QUALTRICS_CSV = [
  'StartDate,EndDate,Status,Progress,Finished,RecordedDate,ResponseId,Q1,Q1_NPS_GROUP,Q2,Q3',
  'Start Date,End Date,Response Type,Progress,Finished,Recorded Date,Response ID,"How likely are you to recommend Acme to a friend or colleague?","How likely are you to recommend Acme to a friend or colleague? - Group","How satisfied are you with your last visit?","What could we do better?"',
  '"{""ImportId"":""startDate"",""timeZone"":""Europe/Helsinki""}","{""ImportId"":""endDate"",""timeZone"":""Europe/Helsinki""}","{""ImportId"":""status""}","{""ImportId"":""progress""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate"",""timeZone"":""Europe/Helsinki""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID1_NPS_GROUP""}","{""ImportId"":""QID2""}","{""ImportId"":""QID3_TEXT""}"',
  '2026-11-02 09:14:03,2026-11-02 09:16:40,0,100,1,2026-11-02 09:16:41,R_1a,10,3,5,"Fast, friendly"',
  '2026-11-02 10:01:10,2026-11-02 10:03:02,0,100,1,2026-11-02 10:03:03,R_2b,6,1,2,"Queue was ""long"""',
  '2026-11-09 12:30:00,2026-11-09 12:31:15,0,100,1,2026-11-09 12:31:16,R_3c,8,2,4,',
  '2026-11-10 08:00:00,2026-11-10 08:02:00,0,100,1,2026-11-10 08:02:01,R_4d,9,3,,Nothing',
].join('\r\n');

/**
 * SurveyMonkey's export: the question over its first column, blanks over the rest of a
 * matrix, then "Response", the row labels or "Open-Ended Response"; answers as their text.
 */
export const SURVEYMONKEY_CSV = [
  'Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,How likely is it that you would recommend Acme to a friend or colleague?,How satisfied were you with:,,,What could we do better?',
  ',,,,,,,,Response,Speed,Staff,Price,Open-Ended Response',
  '114211,4321,11/02/2026 09:14:03 AM,11/02/2026 09:16:40 AM,,,,,10 - Extremely likely,Very satisfied,Satisfied,Neither satisfied nor dissatisfied,"Fast, friendly"',
  '114212,4321,11/02/2026 10:01:10 AM,11/02/2026 10:03:02 AM,,,,,0 - Not at all likely,Dissatisfied,Very dissatisfied,Satisfied,',
  '114213,4321,11/03/2026 12:30:00 PM,11/03/2026 12:31:15 PM,,,,,7,Satisfied,Satisfied,N/A,',
].join('\r\n');

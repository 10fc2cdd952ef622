# Independent scoring of examples/data/mystery-visits.csv with the service-encounter template's
# points, for test/examples.test.ts and test/cli-scorecard.test.ts. Run from the project root:
#   python3 test/reference/mystery-league.py
# Per location: visits, Σ earned, Σ possible, pooled %, pass %, critical failures; then per
# location and wave the same with the jackknife standard error of the pooled score and, from
# one wave to the next, the change, Welch's t and degrees of freedom (p-values: R's pt, below).
import csv
rows = list(csv.DictReader(open('examples/data/mystery-visits.csv')))
def scale(v, pts):  # 1–5 scale: pts·(x − 1)/4
    return pts * (int(v) - 1) / 4
out = {}
for r in rows:
    s = r['situation']; e = p = 0; crit = False
    for c, pts in [('first-impression', 2), ('tone-of-voice', 2), ('listening', 2), ('professional-skill', 3)]:
        if r[c] not in ('', 'n/a'): e += scale(r[c], pts); p += pts
    e += 2 if r['response-script'] == 'yes' else 0; p += 2
    e += 1 if r['closing-greeting'] == 'yes' else 0; p += 1
    sp = {'service-order': 0, 'product-order': 2, 'purchase': 3}.get(s)
    if r['salesmanship'] not in ('', 'n/a'):
        e += scale(r['salesmanship'], 1 if s == 'service-order' else sp); p += sp
    if s == 'feedback':
        e += 2 if r['resolution'] == 'yes' else 0; p += 2; crit = r['resolution'] == 'no'
    else:
        e += {'resolved': 4, 'partly resolved': 2, 'not resolved': 0}[r['resolution']]; p += 4; crit = r['resolution'] == 'not resolved'
    score = min(100, e / p * 100)
    for key in [r['location'], (r['location'], r['wave'])]:
        o = out.setdefault(key, [0, 0, 0, 0, 0, []])
        o[0] += 1; o[1] += e; o[2] += p; o[3] += (not crit and score >= 80); o[4] += crit; o[5].append((e, p))
def jackknife(visits):
    E = sum(e for e, _ in visits); P = sum(p for _, p in visits); n = len(visits)
    leave = [(E - e) / (P - p) * 100 for e, p in visits]; m = sum(leave) / n
    return ((n - 1) / n * sum((x - m) ** 2 for x in leave)) ** 0.5
for k, (n, e, p, passed, crit, visits) in out.items():
    print(k, n, e, p, round(e / p * 100, 4), round(passed / n * 100, 2), crit, 'SE', round(jackknife(visits), 4))
import math
for loc in sorted({k for k in out if isinstance(k, str)}):
    (n1, e1, p1, *_, v1), (n2, e2, p2, *_, v2) = out[(loc, '2026-10')], out[(loc, '2026-11')]
    s1, s2 = jackknife(v1), jackknife(v2)
    d = e2 / p2 * 100 - e1 / p1 * 100; se = math.hypot(s1, s2)
    df = se ** 4 / (s1 ** 4 / (n1 - 1) + s2 ** 4 / (n2 - 1))
    print(loc, 'change', round(d, 4), 't', round(d / se, 6), 'df', round(df, 6))

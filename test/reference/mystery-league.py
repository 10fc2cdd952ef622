# Independent scoring of examples/data/mystery-visits.csv with the service-encounter template's
# points, for test/examples.test.ts. Run from the project root: python3 test/reference/mystery-league.py
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
    o = out.setdefault(r['location'], [0, 0, 0, 0, 0])
    o[0] += 1; o[1] += e; o[2] += p; o[3] += (not crit and score >= 80); o[4] += crit
for k, (n, e, p, passed, crit) in out.items():
    print(k, n, e, p, round(e / p * 100, 4), round(passed / n * 100, 2), crit)

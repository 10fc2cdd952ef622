# Independent NPS figures for examples/data/journey-answers.csv, for test/examples.test.ts.
# Run from the project root: python3 test/reference/journey-report.py
import csv, math
rows = [r for r in csv.DictReader(open('examples/data/journey-answers.csv'))]
weights = {'awareness': 1, 'consideration': 1, 'purchase': 2, 'use': 1, 'aftercare': 2}

def nps(answers):
    a = [int(x) for x in answers if x != '']
    p = sum(x >= 9 for x in a) / len(a); d = sum(x <= 6 for x in a) / len(a)
    return (p - d) * 100, math.sqrt((p + d - (p - d) ** 2) / len(a)) * 100, len(a)

stage_scores = {}
for stage in weights:
    score, se, n = nps([r['recommend'] for r in rows if r['stage'] == stage])
    stage_scores[stage] = (score, se)
    print(stage, n, round(score, 4))
W = sum(weights.values())
index = sum(weights[s] * stage_scores[s][0] for s in weights) / W
se = math.sqrt(sum((weights[s] / W) ** 2 * stage_scores[s][1] ** 2 for s in weights))
print('index', round(index, 4), 'se', round(se, 4))
# chat against the rest of the journey: z test of the difference
mapped = [r for r in rows if r['stage'] in weights]
chat, cse, _ = nps([r['recommend'] for r in mapped if r['touchpoint'] == 'chat'])
rest, rse, _ = nps([r['recommend'] for r in mapped if r['touchpoint'] != 'chat'])
z = (chat - rest) / math.hypot(cse, rse)
print('chat vs rest', round(chat - rest, 4), 'z', round(z, 4), 'p', round(math.erfc(abs(z) / math.sqrt(2)), 6))
# Every test against the rest of the journey, and Holm's adjustment of each family written out:
# sort the m p-values, multiply the i-th smallest by m − i + 1, carry the running maximum, cap at 1.
touchpoints = {'awareness': ['advert', 'referral'], 'consideration': ['website', 'showroom'], 'purchase': ['online-checkout', 'store', 'phone-sales'], 'use': ['installation', 'app'], 'aftercare': ['helpline', 'chat']}
def test(inside):
    score, se, _ = nps([r['recommend'] for r in mapped if inside(r)])
    other, ose, _ = nps([r['recommend'] for r in mapped if not inside(r)])
    z = (score - other) / math.hypot(se, ose)
    return score - other, math.erfc(abs(z) / math.sqrt(2))
def holm(tests):
    names = sorted(tests, key=lambda k: tests[k][1]); m = len(names); running = 0; out = {}
    for i, k in enumerate(names):
        running = max(running, (m - i) * tests[k][1]); out[k] = min(1, running)
    return out
for family in [{s: test(lambda r, s=s: r['stage'] == s) for s in weights},
               {f'{s} / {t}': test(lambda r, s=s, t=t: r['stage'] == s and r['touchpoint'] == t) for s in touchpoints for t in touchpoints[s]}]:
    adjusted = holm(family)
    for k, (difference, p) in family.items():
        print(f'{k}: vs rest {difference:+.4f}, p {p:.6f}, Holm {adjusted[k]:.6f}')

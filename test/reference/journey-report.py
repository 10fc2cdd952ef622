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

# The banner-table references of test/airline-survey.test.ts and src/analysis/banner-table.test.ts.
# Run from the checkout: Rscript test/reference/banner.R (R 4.2.2).
d <- read.csv("../shared/data/airline-passenger-satisfaction-test.csv", check.names = FALSE)
sat <- d[["Seat comfort"]]; sat[sat == 0] <- NA
ok <- !is.na(sat)
for (g in c("Class", "Type of Travel")) {
  x <- tapply(sat[ok] >= 4, d[[g]][ok], sum); n <- tapply(sat[ok] >= 4, d[[g]][ok], length)
  print(x); print(n)
  print(pairwise.prop.test(x, n, correct = FALSE, p.adjust.method = "none")$p.value, digits = 12)
  print(pairwise.prop.test(x, n, correct = FALSE, p.adjust.method = "holm")$p.value, digits = 12)
}
x <- tapply(d$satisfaction == "satisfied", d$Class, sum); n <- table(d$Class)
print(x); print(n)
print(pairwise.prop.test(x, n, correct = FALSE, p.adjust.method = "none")$p.value, digits = 12)
print(pairwise.prop.test(c(47, 36, 36), c(60, 60, 60), correct = FALSE, p.adjust.method = "none")$p.value, digits = 12)
for (m in c("bonferroni", "holm", "BH")) print(pairwise.prop.test(c(47, 36, 36), c(60, 60, 60), correct = FALSE, p.adjust.method = m)$p.value, digits = 12)

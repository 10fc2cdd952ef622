# References of src/weights/*.test.ts: raking and calibration by R's survey package (4.2.2,
# survey 4.1-1 from Debian). Run from the checkout: Rscript test/reference/weighting.R
# It writes test/reference/apisrs-weighting.csv — 200 schools of R survey's `apisrs` data
# (data(api), GPL-2 | GPL-3, as the survey package), with three answers derived from their
# API scores so that each metric has answers on its own scale and a few left blank — and
# test/reference/weighting.json, the weights, scores and standard errors below.
suppressMessages(library(survey))
data(api)
d <- apisrs[, c("stype", "sch.wide", "pw")]
d$rec <- pmin(10, pmax(0, round((apisrs$api00 - 400) / 40)))   # 0–10, for NPS
d$sat <- pmin(5, pmax(1, round((apisrs$api99 - 380) / 90)))    # 1–5, for CSAT
d$effort <- pmin(7, pmax(1, round((900 - apisrs$api00) / 70)))  # 1–7, for CES
d$rec[c(3, 10, 50)] <- NA; d$sat[c(7, 77)] <- NA; d$effort[c(100)] <- NA
write.csv(d, "test/reference/apisrs-weighting.csv", row.names = FALSE, na = "")
d$npsy <- ifelse(d$rec >= 9, 100, ifelse(d$rec <= 6, -100, 0))
d$csaty <- ifelse(d$sat >= 4, 100, 0)
dsrs <- svydesign(id = ~1, weights = ~pw, data = d)
pop.types <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
pop.schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122))
cells <- function(des) {
  w <- weights(des); key <- paste(d$stype, d$sch.wide)
  as.list(tapply(w, key, function(v) v[1]))
}
metrics <- function(des) {
  one <- function(f) { m <- svymean(f, des, na.rm = TRUE); list(score = unname(coef(m)), se = as.numeric(SE(m))) }
  list(nps = one(~npsy), csat = one(~csaty), ces = one(~effort))
}
raked <- rake(dsrs, list(~stype, ~sch.wide), list(pop.types, pop.schwide), control = list(maxit = 2000, epsilon = 1e-15))
fixed <- svydesign(id = ~1, weights = weights(raked), data = d)
pop <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, sch.wideYes = 5122)
linear <- calibrate(dsrs, ~stype + sch.wide, population = pop, calfun = "linear")
craked <- calibrate(dsrs, ~stype + sch.wide, population = pop, calfun = "raking", epsilon = 1e-15, maxit = 100)
# By school type, as summarize({ by: 'stype' }) gives it: svyby on the raked design (a domain).
byType <- function(f) { b <- svyby(f, ~stype, raked, svymean, na.rm = TRUE); setNames(lapply(seq_len(nrow(b)), function(i) list(score = unname(coef(b))[i], se = unname(SE(b))[i])), as.character(b$stype)) }
out <- list(
  rake = list(weights = cells(raked), metrics = metrics(raked), fixed = metrics(fixed), byType = list(nps = byType(~npsy), csat = byType(~csaty), ces = byType(~effort))),
  linear = list(weights = cells(linear), metrics = metrics(linear)),
  raking = list(weights = cells(craked), metrics = metrics(craked))
)
# The airline survey raked to invented margins (Class, Type of Travel, Customer Type), its
# CSAT of "Seat comfort" (0 = not applicable).
a <- read.csv("../shared/data/airline-passenger-satisfaction-test.csv", check.names = FALSE)
names(a)[1] <- "row"
a$seat <- a[["Seat comfort"]]; a$seat[a$seat == 0] <- NA
a$csaty <- ifelse(a$seat >= 4, 100, 0)
a$Class <- a[["Class"]]; a$Travel <- a[["Type of Travel"]]; a$Customer <- a[["Customer Type"]]
da <- svydesign(id = ~1, weights = ~1, data = a)
n <- nrow(a)
margins <- list(
  data.frame(Class = c("Business", "Eco", "Eco Plus"), Freq = n * c(0.40, 0.45, 0.15)),
  data.frame(Travel = c("Business travel", "Personal Travel"), Freq = n * c(0.55, 0.45)),
  data.frame(Customer = c("Loyal Customer", "disloyal Customer"), Freq = n * c(0.70, 0.30))
)
ra <- rake(da, list(~Class, ~Travel, ~Customer), margins, control = list(maxit = 2000, epsilon = 1e-15))
ma <- svymean(~csaty, ra, na.rm = TRUE)
wa <- weights(ra)
out$airline <- list(n = n, csat = list(score = unname(coef(ma)), se = as.numeric(SE(ma))),
  fixedSe = as.numeric(SE(svymean(~csaty, svydesign(id = ~1, weights = wa, data = a), na.rm = TRUE))),
  minWeight = min(wa), maxWeight = max(wa), sumWeights = sum(wa), cv = sd(wa) / mean(wa))
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, digits = 15, pretty = TRUE), "test/reference/weighting.json")

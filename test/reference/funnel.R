# References of src/monitoring/funnel-plot.test.ts: funnel limits and overdispersion computed by
# FunnelPlotR's own functions (github.com/chrismainey/FunnelPlotR at commit 12ad19a, R/ folder:
# transformed_zscore, winsorisation, phi_func, tau_func, OD_limits), sourced rather than
# installed because CRAN is not reachable here. R 4.2.2.
# Run from the checkout: Rscript test/reference/funnel.R /path/to/FunnelPlotR
# It writes test/reference/funnel.json.
args <- commandArgs(trailingOnly = TRUE)
for (f in c("aggregate_func.R", "od_adjustment.R", "od_limits.R")) source(file.path(args[1], "R", f))
z95 <- 1.959964; z998 <- 3.090232   # FunnelPlotR's constants (qnorm(0.975), qnorm(0.999))

# CSAT, ten stores: satisfied of answered. FunnelPlotR's proportion ("PR") funnel: arcsine
# square-root scale, s = 1/(2√n), z-scores Winsorised at 10 % each end.
csat <- data.frame(group = LETTERS[1:10],
  numerator = c(30, 70, 84, 51, 150, 20, 135, 60, 60, 228),
  denominator = c(40, 85, 120, 60, 200, 35, 150, 90, 70, 300))
agg <- aggregate_func(csat)
agg <- transformed_zscore(agg, data_type = "PR")
agg <- winsorisation(agg, trim_by = 0.1)
n <- sum(!is.na(agg$Wuzscore))
phi <- phi_func(n, agg$Wuzscore)
tau2 <- tau_func(n, phi, agg$s)
target <- sum(agg$numerator) / sum(agg$denominator)
plain <- OD_limits(agg, data_type = "PR", tau2 = 0, target = target)
additive <- OD_limits(agg, data_type = "PR", tau2 = tau2, target = target)
# Multiplicative (Spiegelhalter 2005, eq. 5): the within-unit spread times √φ, on the same scale.
mult <- function(z, sign) sin(agg$target_transformed + sign * z * sqrt(phi) * agg$s)^2
out <- list(csat = list(
  units = csat, target = target, z = agg$Uzscore, winsorised = agg$Wuzscore, phi = phi, tau2 = tau2,
  plain = list(lower95 = plain$OD95LCL, upper95 = plain$OD95UCL, lower998 = plain$OD99LCL, upper998 = plain$OD99UCL),
  additive = list(lower95 = additive$OD95LCL, upper95 = additive$OD95UCL, lower998 = additive$OD99LCL, upper998 = additive$OD99UCL),
  multiplicative = list(lower95 = mult(z95, -1), upper95 = mult(z95, 1), lower998 = mult(z998, -1), upper998 = mult(z998, 1))))

# NPS, eight teams: promoters, passives, detractors. FunnelPlotR has no NPS type; the NPS is a
# normal indicator (Spiegelhalter 2005): target θ₀ = overall NPS, s = √(v₀/n) with v₀ the
# overall per-answer variance p₊ + p₋ − θ₀², z = (θ − θ₀)/s, and FunnelPlotR's Winsorisation,
# φ and τ² on those z and s; limits θ₀ ± z·√(s² + τ²).
nps <- data.frame(group = paste0("T", 1:8),
  promoters = c(20, 45, 12, 60, 30, 8, 90, 25),
  passives = c(15, 30, 10, 25, 20, 6, 40, 30),
  detractors = c(10, 15, 14, 15, 25, 10, 20, 5))
nps$n <- nps$promoters + nps$passives + nps$detractors
theta0 <- (sum(nps$promoters) - sum(nps$detractors)) / sum(nps$n)
v0 <- (sum(nps$promoters) + sum(nps$detractors)) / sum(nps$n) - theta0^2
d <- data.frame(group = nps$group, s = sqrt(v0 / nps$n))
d$Uzscore <- ((nps$promoters - nps$detractors) / nps$n - theta0) / d$s
d <- winsorisation(d, trim_by = 0.1)
nphi <- phi_func(nrow(d), d$Wuzscore)
ntau2 <- tau_func(nrow(d), nphi, d$s)
lim <- function(z, sign, t2) theta0 + sign * z * sqrt(d$s^2 + t2)
out$nps <- list(units = nps, target = theta0, z = d$Uzscore, winsorised = d$Wuzscore, phi = nphi, tau2 = ntau2,
  plain = list(lower95 = lim(z95, -1, 0), upper95 = lim(z95, 1, 0), lower998 = lim(z998, -1, 0), upper998 = lim(z998, 1, 0)),
  additive = list(lower95 = lim(z95, -1, ntau2), upper95 = lim(z95, 1, ntau2), lower998 = lim(z998, -1, ntau2), upper998 = lim(z998, 1, ntau2)))
# The airline survey's Seat comfort by Class (4–5 of 1–5, 0 left out; counted by python3 in
# test/airline-survey.test.ts): Eco 5251/11564, Business 8584/12495, Eco Plus 844/1917.
air <- transformed_zscore(aggregate_func(data.frame(group = c("Eco", "Business", "Eco Plus"),
  numerator = c(5251, 8584, 844), denominator = c(11564, 12495, 1917))), data_type = "PR")
air <- winsorisation(air, trim_by = 0.1)
out$airline <- list(phi = phi_func(3, air$Wuzscore), tau2 = tau_func(3, phi_func(3, air$Wuzscore), air$s))
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, digits = 15, pretty = TRUE), "test/reference/funnel.json")

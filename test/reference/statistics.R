# Reference values for the interval, adjustment and relative-importance methods of issue 14,
# from R's own functions (binom.test, prop.test, qbeta, pbeta, p.adjust, eigen, lm) and the
# formulas written out here. Regenerate with:
#
#   Rscript test/reference/statistics.R AIRLINE_CSV [ROCKS_NPS_R] > test/reference/statistics.json
#
# AIRLINE_CSV: the airline survey (test/shared-data.ts says where); ROCKS_NPS_R: optional, the
# file R/nps_interval_estimators.R of Brendan Rocks' NPS package (github.com/brendan-r/NPS),
# whose iterative() is then run beside the independent version below. Recorded with R 4.2.2
# (Debian 12); no package beyond base R.
args <- commandArgs(trailingOnly = TRUE)
num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
out <- list()
add <- function(name, text) out[[length(out) + 1]] <<- sprintf('  "%s": %s', name, text)

# Beta distribution.
bx <- c(0.001, 0.05, 0.3, 0.5, 0.77, 0.999); ba <- c(0.5, 2, 8, 30.5); bb <- c(0.5, 3, 5, 120)
g <- expand.grid(x = bx, a = ba, b = bb)
add("pbeta", sprintf('{ "x": %s, "a": %s, "b": %s, "value": %s }', num(g$x), num(g$a), num(g$b), num(pbeta(g$x, g$a, g$b))))
gp <- expand.grid(p = c(1e-10, 0.005, 0.025, 0.5, 0.975, 0.995), a = ba, b = bb)
add("qbeta", sprintf('{ "p": %s, "a": %s, "b": %s, "value": %s }', num(gp$p), num(gp$a), num(gp$b), num(qbeta(gp$p, gp$a, gp$b))))

# One proportion: x of n at 95 % and 90 %.
cases <- list(c(81, 263), c(0, 10), c(10, 10), c(1, 29), c(15, 148), c(29.5, 47.3))
props <- lapply(cases, function(case) {
  x <- case[1]; n <- case[2]
  sapply(c(0.95, 0.9), function(level) {
    z <- qnorm(1 - (1 - level) / 2); a <- 1 - level; p <- x / n
    wilson <- (p + z^2 / (2 * n) + c(-1, 1) * z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))) / (1 + z^2 / n)
    nt <- n + z^2; pt <- (x + z^2 / 2) / nt
    ac <- pmin(1, pmax(0, pt + c(-1, 1) * z * sqrt(pt * (1 - pt) / nt)))
    jeffreys <- c(if (x > 0) qbeta(a / 2, x + 0.5, n - x + 0.5) else 0, if (x < n) qbeta(1 - a / 2, x + 0.5, n - x + 0.5) else 1)
    cp <- c(if (x > 0) qbeta(a / 2, x, n - x + 1) else 0, if (x < n) qbeta(1 - a / 2, x + 1, n - x) else 1)
    # Where x is whole, R's own functions give the same Wilson and Clopper–Pearson limits.
    if (x == round(x)) {
      stopifnot(isTRUE(all.equal(wilson, as.numeric(suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE))$conf.int), tolerance = 1e-12)))
      stopifnot(isTRUE(all.equal(cp, as.numeric(binom.test(x, n, conf.level = level)$conf.int), tolerance = 1e-12)))
    }
    c(level, wilson, ac, jeffreys, cp)
  })
})
add("proportion", paste0("[", paste(mapply(function(case, m) sprintf('{ "x": %.17g, "n": %.17g, "byLevel": [%s] }', case[1], case[2],
  paste(apply(m, 2, function(col) sprintf('{ "level": %.17g, "wilson": %s, "agrestiCoull": %s, "jeffreys": %s, "clopperPearson": %s }', col[1], num(col[2:3]), num(col[4:5]), num(col[6:7]), num(col[8:9]))), collapse = ", ")), cases, props), collapse = ",\n    "), "]"))

# Difference of two proportions: Newcombe's method 10 from R's Wilson intervals, Agresti–Caffo
# and Wald by their formulas (Wald equals prop.test's interval), the pooled p-value of prop.test.
diffs <- list(c(56, 70, 48, 80), c(9, 10, 3, 10), c(10, 10, 0, 20), c(84, 101, 89, 105), c(45, 60, 30, 55), c(0, 12, 0, 9))
dtext <- sapply(diffs, function(d) {
  x1 <- d[1]; n1 <- d[2]; x2 <- d[3]; n2 <- d[4]; p1 <- x1 / n1; p2 <- x2 / n2; z <- qnorm(0.975)
  w1 <- as.numeric(suppressWarnings(prop.test(x1, n1, correct = FALSE))$conf.int); w2 <- as.numeric(suppressWarnings(prop.test(x2, n2, correct = FALSE))$conf.int)
  newcombe <- c(p1 - p2 - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), p1 - p2 + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
  a <- (x1 + 1) / (n1 + 2); b <- (x2 + 1) / (n2 + 2)
  ac <- pmin(1, pmax(-1, a - b + c(-1, 1) * z * sqrt(a * (1 - a) / (n1 + 2) + b * (1 - b) / (n2 + 2))))
  wald <- pmin(1, pmax(-1, p1 - p2 + c(-1, 1) * z * sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)))
  pooled <- if (x1 + x2 > 0 && x1 + x2 < n1 + n2) suppressWarnings(prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value) else NA
  sprintf('{ "x1": %d, "n1": %d, "x2": %d, "n2": %d, "newcombe": %s, "agrestiCaffo": %s, "wald": %s, "pValue": %s }', x1, n1, x2, n2, num(newcombe), num(ac), num(wald), if (is.na(pooled)) "null" else sprintf("%.17g", pooled))
})
add("difference", paste0("[", paste(dtext, collapse = ",\n    "), "]"))

# p.adjust.
pv <- list(c(0.01, 0.02, 0.03, 0.04, 0.05), c(0.001, 0.2, 0.04, 0.04, 0.9, 0.013, 0.5), c(0.5), c(1e-10, 0.0004, 0.7, 1, 0.00002, 0.049, 0.049, 0.3))
methods <- c("holm", "hochberg", "bonferroni", "BH", "BY", "none")
add("pAdjust", paste0("[", paste(sapply(pv, function(p) sprintf('{ "p": %s, %s }', num(p), paste(sprintf('"%s": %s', methods, sapply(methods, function(m) num(p.adjust(p, m)))), collapse = ", "))), collapse = ",\n    "), "]"))

# The NPS score interval (Tango's statistic for paired proportions, promoters and detractors the
# discordant cells): its two roots, by uniroot to 1e-14.
tango <- function(det, pro, n, level) {
  z <- qnorm(1 - (1 - level) / 2); est <- (pro - det) / n
  stat <- function(d) {
    B <- -pro - det + (2 * n - pro + det) * d; C <- -det * d * (1 - d)
    p21 <- (sqrt(B^2 - 4 * 2 * n * C) - B) / (4 * n)
    (pro - det - n * d) / sqrt(n * (2 * p21 + d * (1 - d)))
  }
  # The statistic is 0 at the estimate (0/0 at an estimate of ±1): the brackets start beside it.
  lower <- if (det == n) -1 else uniroot(function(d) stat(d) - z, c(-1 + 1e-15, est - 1e-10), tol = 1e-14)$root
  upper <- if (pro == n) 1 else uniroot(function(d) stat(d) + z, c(est + 1e-10, 1 - 1e-15), tol = 1e-14)$root
  c(lower, upper)
}
npsCases <- list(c(1, 2, 3), c(62, 55, 107), c(0, 3, 7), c(10, 0, 0), c(0, 0, 12), c(4, 0, 4), c(30, 10, 5), c(2, 20, 30))
rocks <- if (length(args) >= 2) { source(args[2]); TRUE } else FALSE
add("npsIterative", paste0("[", paste(sapply(npsCases, function(k) {
  n <- sum(k); ci95 <- tango(k[1], k[3], n, 0.95); ci80 <- tango(k[1], k[3], n, 0.8)
  pkg <- if (rocks) sprintf(', "rocks95": %s', num(iterative(k, 0.05))) else ''
  sprintf('{ "counts": %s, "ci95": %s, "ci80": %s%s }', num(k), num(ci95), num(ci80), pkg)
}), collapse = ",\n    "), "]"))

# Relative importance: Johnson's relative weights (from eigen() of the drivers' correlation
# matrix) and the Shapley / LMG decomposition (lm() R² of every subset of drivers).
relativeImportance <- function(d, outcome, drivers) {
  X <- as.matrix(d[, drivers]); y <- d[[outcome]]
  R <- cor(X); r <- cor(X, y)
  e <- eigen(R, symmetric = TRUE); half <- e$vectors %*% diag(sqrt(e$values)) %*% t(e$vectors)
  beta <- solve(half, r); rw <- as.numeric((half^2) %*% (beta^2))
  k <- length(drivers)
  r2 <- function(s) if (length(s) == 0) 0 else summary(lm(y ~ X[, s, drop = FALSE]))$r.squared
  lmg <- sapply(seq_len(k), function(j) {
    others <- setdiff(seq_len(k), j); total <- 0
    for (size in 0:(k - 1)) {
      subsets <- if (size == 0) list(integer(0)) else combn(others, size, simplify = FALSE)
      w <- factorial(size) * factorial(k - size - 1) / factorial(k)
      for (s in subsets) total <- total + w * (r2(c(s, j)) - r2(s))
    }
    total
  })
  sprintf('{ "n": %d, "rSquared": %.17g, "relativeWeights": %s, "shapley": %s }', nrow(d), r2(seq_len(k)), num(rw), num(lmg))
}
small <- data.frame(o = c(5, 4, 2, 1, 3, 4, 5, 2, 3, 1), a = c(5, 4, 1, 2, 3, 5, 4, 2, 2, 1), b = c(2, 3, 3, 2, 4, 1, 5, 2, 4, 3), c = c(4, 4, 2, 1, 3, 3, 5, 3, 2, 2))
add("relativeImportanceSmall", relativeImportance(small, "o", c("a", "b", "c")))
air <- read.csv(args[1], check.names = FALSE)
items <- c("Inflight wifi service", "Online boarding", "Seat comfort", "Inflight entertainment", "Cleanliness")
complete <- air[apply(air[, items] != 0, 1, all), ]
complete$satisfied <- as.numeric(complete$satisfaction == "satisfied")
add("relativeImportanceAirline", relativeImportance(complete, "satisfied", items))

cat("{\n"); cat(sprintf('  "R": "%s",\n', R.version.string)); cat(paste(out, collapse = ",\n")); cat("\n}\n")

# Reference values for the text analysis of issue 21: a theme's impact on NPS with its
# standard error from R's survey package, and the log-odds ratio with an informative
# Dirichlet prior (Monroe, Colaresi & Quinn 2008) written out from the paper. Regenerate with:
#
#   Rscript test/reference/text.R > test/reference/text.json
#
# Recorded with R 4.2.2 (Debian 12) and survey 4.1.1 (Debian's r-cran-survey).
suppressMessages(library(survey))
num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
out <- list()
add <- function(name, text) out[[length(out) + 1]] <<- sprintf('  "%s": %s', name, text)

# Twelve commenters: their NPS answer, whether their comment mentions the theme, a weight.
answer <- c(10, 9, 3, 6, 8, 10, 2, 9, 7, 0, 10, 5)
mention <- c(1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0)
weight <- c(1, 2, 0.5, 1.5, 1, 1, 2, 0.5, 1, 1, 3, 1)
x <- 100 * ((answer >= 9) - (answer <= 6)) # each answer's NPS contribution
impact <- function(w) {
  d <- data.frame(x = x, xr = x * (1 - mention), one = 1, r = 1 - mention, w = w)
  design <- svydesign(ids = ~1, weights = ~w, data = d)
  # Ratios x/one (NPS of all) … xr/r (NPS of the rest), with their covariance; impact = first − last.
  ratios <- svyratio(~x + xr, ~one + r, design, covmat = TRUE)
  contrast <- svycontrast(ratios, c(1, 0, 0, -1))
  n <- nrow(d)
  sprintf('{ "impact": %.17g, "surveySE": %.17g, "se": %.17g, "nps": %.17g, "npsRest": %.17g }',
    coef(contrast), SE(contrast), SE(contrast) * sqrt((n - 1) / n),
    sum(w * x) / sum(w), sum(w * x * (1 - mention)) / sum(w * (1 - mention)))
}
add("impactUnweighted", impact(rep(1, 12)))
add("impactWeighted", impact(weight))
add("impactData", sprintf('{ "answer": %s, "mention": %s, "weight": %s }', num(answer), num(mention), num(weight)))

# Monroe et al. (2008) eq. 16–22, two groups, prior α_w = the word's count in both groups.
words <- c("slow", "servic", "friend", "wait", "fast", "not")
a <- c(6, 3, 1, 4, 0, 3)
b <- c(1, 3, 5, 0, 4, 1)
na <- sum(a); nb <- sum(b); alpha <- a + b; alpha0 <- sum(alpha)
delta <- log((a + alpha) / (na + alpha0 - a - alpha)) - log((b + alpha) / (nb + alpha0 - b - alpha))
z <- delta / sqrt(1 / (a + alpha) + 1 / (b + alpha))
add("logOdds", sprintf('{ "words": [%s], "a": %s, "b": %s, "delta": %s, "z": %s }',
  paste0('"', words, '"', collapse = ", "), num(a), num(b), num(delta), num(z)))

cat("{\n", sprintf('  "R": "%s",\n', R.version.string), paste(out, collapse = ",\n"), "\n}\n", sep = "")

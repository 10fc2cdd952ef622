# Reference values for src/stats, from R's own pnorm/qnorm/pt/qt.
# Regenerate with:  Rscript test/reference/distributions.R > test/reference/distributions.json
# (recorded with R 4.2.2 on Debian 12)
# JSON has no Infinity; 1e999 parses to it (JSON.parse("1e999") === Infinity).
num <- function(v) paste0("[", paste(sub("Inf", "1e999", sprintf("%.17g", v)), collapse = ", "), "]")
x <- c(-38, -37.5, -20, -10, -8, -5.7, -5.5, -3, -1.96, -0.7, -0.66291, -0.3, 0, 1e-10, 0.3, 0.66, 0.7,
       1.959963984540054, 3, 5.6, 5.7, 8, 10, 40)
p <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.0749, 0.075, 0.1, 0.2, 0.5, 0.8,
       0.9, 0.925, 0.95, 0.975, 0.99, 0.999, 1 - 1e-10)
t <- c(-50, -10, -3, -2, -1, -0.5, 0, 0.1, 1, 2, 2.5, 3, 5, 10, 40, 1e5)
df <- c(0.5, 1, 1.5, 2, 3, 4.7, 10, 29, 30.5, 100, 1000, 1e5, 4.1e5, 9.9e6, 1.01e7, 1e10, 1e300)
tp <- c(1e-12, 1e-6, 0.001, 0.025, 0.05, 0.1, 0.3, 0.49, 0.6, 0.9, 0.95, 0.975, 0.995, 0.9999999)
grid_t <- expand.grid(t = t, df = df)
grid_q <- expand.grid(p = tp, df = df)
# Extremes: t whose square overflows, df far below 1 (quantiles past the largest double).
grid_te <- expand.grid(t = c(-1e300, -1e200, -1e160, -1e20, 1e160, 1e300), df = c(0.001, 0.01, 0.1, 1, 3, 1e8))
grid_qe <- expand.grid(p = c(1e-300, 0.001, 0.6, 0.9, 0.999), df = c(1e-300, 1e-10, 0.001, 0.01, 0.05, 0.1))
cat("{\n")
cat(sprintf('  "R": "%s",\n', R.version.string))
cat(sprintf('  "x": %s,\n  "pnorm": %s,\n', num(x), num(pnorm(x))))
cat(sprintf('  "p": %s,\n  "qnorm": %s,\n', num(p), num(qnorm(p))))
cat(sprintf('  "pt": { "t": %s, "df": %s, "value": %s },\n', num(grid_t$t), num(grid_t$df), num(pt(grid_t$t, grid_t$df))))
cat(sprintf('  "qt": { "p": %s, "df": %s, "value": %s },\n', num(grid_q$p), num(grid_q$df), num(qt(grid_q$p, grid_q$df))))
cat(sprintf('  "ptExtreme": { "t": %s, "df": %s, "value": %s },\n', num(grid_te$t), num(grid_te$df), num(pt(grid_te$t, grid_te$df))))
cat(sprintf('  "qtExtreme": { "p": %s, "df": %s, "value": %s }\n', num(grid_qe$p), num(grid_qe$df), num(qt(grid_qe$p, grid_qe$df))))
cat("}\n")

# Base-R equivalent of estudy2's steps, NOT estudy2 (estudy2 is on CRAN only, which this machine cannot reach;
# no Debian package ships it). Written from the papers' formulas, not from estudy2's code. It does for the Hang
# Seng study what estudy2's pipeline does after downloading prices:
#   1. returns from prices (estudy2's get_rates_from_prices): simple returns of adj_close, each firm joined with
#      the market on the dates both traded;
#   2. the market model by lm() per firm (apply_market_model, OLS) over offsets -250..-11 before day 0 (the
#      first session on or after the event date), at least 100 observations;
#   3. the parametric tests (parametric_tests) for each day of the event window -1..+5 across firms:
#      Brown & Warner (1980) crude dependence adjustment, Brown & Warner (1985) portfolio variance under
#      independence, the cross-sectional t, Patell (1976) Z, Boehmer, Musumeci & Poulsen (1991) and Lamb (1995);
#   4. the nonparametric tests (nonparametric_tests) for the same days: the sign test, Cowan's (1992)
#      generalized sign test, Corrado & Zivney's (1992) sign test, Corrado's (1989) rank test, Campbell &
#      Wasley's (1993) modified rank test and the Wilcoxon signed-rank test.
# Prints the number of firms studied, then one line per test: the statistic on day 0.
# Usage: Rscript estudy2Steps.R <universe dir> <market csv> <event date> <symbol>...
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "studyArgs.R"))
event_days <- -1:5
estimation <- -250:-11

# Per firm: estimation-window residuals, event-window ARs and standardized ARs.
firms <- list()
for (symbol in symbols) {
  file <- file.path(dir, paste0(symbol, ".csv"))
  if (!file.exists(file)) next
  joined <- merge(read_prices(file), market, by = "date", suffixes = c("", ".m"))
  joined <- joined[order(joined$date), ]
  n <- nrow(joined)
  r <- c(NA, joined$close[-1] / joined$close[-n] - 1)
  rm <- c(NA, joined$close.m[-1] / joined$close.m[-n] - 1)
  day0 <- which(joined$date >= event_date)[1]
  if (is.na(day0) || day0 + max(event_days) > n) next
  est <- (day0 + estimation)[day0 + estimation >= 2]
  if (length(est) < 100) next
  est <- est[!is.na(r[est]) & !is.na(rm[est])]
  fit <- lm(r ~ rm, data = data.frame(r = r[est], rm = rm[est]))
  a <- coef(fit)[[1]]; b <- coef(fit)[[2]]
  L <- length(est)
  s2 <- sum(residuals(fit)^2) / (L - 2)
  rm_bar <- mean(rm[est]); smm <- sum((rm[est] - rm_bar)^2)
  ev <- day0 + event_days
  ar <- r[ev] - a - b * rm[ev]
  v <- s2 * (1 + 1 / L + (rm[ev] - rm_bar)^2 / smm)   # prediction-error variance of each AR
  sar <- ar / sqrt(v)
  # Estimation residuals by offset (NA where the firm has no return at that offset).
  est_ar <- rep(NA_real_, length(estimation))
  est_ar[match(est - day0, estimation)] <- residuals(fit)
  firms[[symbol]] <- list(est_ar = est_ar, ar = ar, sar = sar, v = v, s2 = s2, L = L)
}
N <- length(firms)
AR <- t(sapply(firms, function(f) f$ar))            # N x event days
SAR <- t(sapply(firms, function(f) f$sar))
V <- t(sapply(firms, function(f) f$v))
EST <- sapply(firms, function(f) f$est_ar)           # estimation offsets x N, NA where missing
s2 <- sapply(firms, function(f) f$s2)
L <- sapply(firms, function(f) f$L)
aar <- colMeans(AR)
est_aar <- rowMeans(EST, na.rm = TRUE)
est_aar <- est_aar[!is.nan(est_aar)]

tests <- list()
# Brown & Warner (1980): AAR_t over the time-series standard deviation of the estimation-window AARs.
tests$brown_warner_1980 <- aar / sd(est_aar)
# Brown & Warner (1985), independence: AAR_t / (sqrt(sum_i s_i^2) / N).
tests$brown_warner_1985 <- aar / (sqrt(sum(s2)) / N)
# Cross-sectional t: AAR_t / (sd_i(AR_it) / sqrt(N)).
tests$t_test <- aar / (apply(AR, 2, sd) / sqrt(N))
# Patell (1976): sum_i SAR_it / sqrt(sum_i (L_i - 2) / (L_i - 4)).
tests$patell <- colSums(SAR) / sqrt(sum((L - 2) / (L - 4)))
# Boehmer, Musumeci & Poulsen (1991): mean_i SAR_it / (sd_i(SAR_it) / sqrt(N)).
tests$boehmer <- colMeans(SAR) / (apply(SAR, 2, sd) / sqrt(N))
# Lamb (1995): AAR_t over the portfolio's prediction-error-corrected standard deviation, sqrt(sum_i Var(AR_it)) / N.
tests$lamb <- aar / (sqrt(colSums(V)) / N)

# Sign test: share of positive ARs against 1/2.
positive <- colSums(AR > 0)
tests$sign <- (positive / N - 0.5) * sqrt(N) / 0.5
# Cowan (1992) generalized sign: p_hat pooled over every estimation-window AR.
p_hat <- mean(EST > 0, na.rm = TRUE)
tests$generalized_sign <- (positive - N * p_hat) / sqrt(N * p_hat * (1 - p_hat))
# Each firm's estimation and event ARs in event time (offsets x N, event days last, NA where missing).
ALL <- rbind(EST, t(AR))
event_rows <- nrow(EST) + seq_along(event_days)
T_i <- colSums(!is.na(ALL))
# Corrado & Zivney (1992) sign: G_it = sign(AR_it - median_i), averaged over the firms present each day.
G <- sign(sweep(ALL, 2, apply(ALL, 2, median, na.rm = TRUE)))
g_t <- rowSums(G, na.rm = TRUE) / sqrt(colSums(t(!is.na(G))))
g_t[is.nan(g_t)] <- NA
tests$corrado_sign <- g_t[event_rows] / sqrt(mean(g_t^2, na.rm = TRUE))
# Corrado (1989) rank: K_it ranks each firm's days, centred at (T_i + 1) / 2, averaged over the firms present.
K <- apply(ALL, 2, function(x) { k <- rank(x, na.last = "keep"); k })
k_t <- rowMeans(sweep(K, 2, (T_i + 1) / 2), na.rm = TRUE)
k_t[is.nan(k_t)] <- NA
tests$rank <- k_t[event_rows] / sqrt(mean(k_t^2, na.rm = TRUE))
# Campbell & Wasley (1993) modified rank: U_it = K_it / (T_i + 1) - 1/2, summed over the firms present / sqrt(N_t).
U <- sweep(K, 2, T_i + 1, "/") - 0.5
u_t <- rowSums(U, na.rm = TRUE) / sqrt(rowSums(!is.na(U)))
u_t[is.nan(u_t)] <- NA
tests$modified_rank <- u_t[event_rows] / sqrt(mean(u_t^2, na.rm = TRUE))
# Wilcoxon signed-rank across firms each day: the standardised W+.
tests$wilcoxon <- apply(AR, 2, function(x) {
  w <- sum(rank(abs(x))[x > 0])
  (w - N * (N + 1) / 4) / sqrt(N * (N + 1) * (2 * N + 1) / 24)
})

cat(N, "\n")
day0 <- which(event_days == 0)
for (name in names(tests)) cat(name, format(tests[[name]][day0], digits = 6), "\n")

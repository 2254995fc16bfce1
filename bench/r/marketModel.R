# Base-R baseline for the Hang Seng study (NOT estudy2, which is on CRAN only and this machine reaches only
# Debian's archive): for each firm, read its CSV and ^HSI's with read.csv, join on date, take simple returns
# of adj_close, fit lm(r ~ rm) over offsets -250..-11 before day 0 (the first session on or after the event
# date), and sum the abnormal returns over [0,0], [-1,1] and [0,5]. Usage:
#   Rscript marketModel.R <universe dir> <market csv> <event date> <symbol>...
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "studyArgs.R"))
windows <- list(c(0, 0), c(-1, 1), c(0, 5))
studied <- 0
for (symbol in symbols) {
  stock <- read_prices(file.path(dir, paste0(symbol, ".csv")))
  joined <- merge(stock, market, by = "date", suffixes = c("", ".m"))
  joined <- joined[order(joined$date), ]
  n <- nrow(joined)
  r <- c(NA, joined$close[-1] / joined$close[-n] - 1)
  rm <- c(NA, joined$close.m[-1] / joined$close.m[-n] - 1)
  day0 <- which(joined$date >= event_date)[1]
  if (is.na(day0) || day0 + 5 > n) next
  est <- max(2, day0 - 250):(day0 - 11)
  if (length(est) < 100) next
  fit <- lm(r[est] ~ rm[est])
  ar <- r - coef(fit)[1] - coef(fit)[2] * rm
  cars <- sapply(windows, function(w) sum(ar[(day0 + w[1]):(day0 + w[2])]))
  studied <- studied + 1
}
cat(studied, "\n")

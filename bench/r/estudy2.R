# The Hang Seng study with estudy2 itself (its exported API only; estudy2 is not part of this repository: DEVELOPERS.md
# says how to build it into a library folder, and bench/reader.ts runs this script only when `library(estudy2)` loads).
#   1. prices: each firm's and ^HSI's adjusted closes read with read.csv (studyArgs.R) into zoo series;
#   2. get_rates_from_prices(quote = "Close", multi_day = TRUE, compounding = "discrete"): simple returns, a return
#      across a firm's missing session assigned to the session after the gap (event-impact's simple returns);
#   3. the event-impact defaults in calendar dates on the market's sessions: day 0 the first ^HSI session on or after
#      the event date, estimation offsets -250..-11 (src/engine/defaults.ts), event window -1..+5; a firm is studied
#      when it has at least 100 estimation-window returns paired with the market's (DEFAULT_MIN_ESTIMATION_OBSERVATIONS)
#      and prices before the event date, event-impact's rule, which estudy2 does not apply itself;
#   4. apply_market_model(market_model = "sim", estimation_method = "ols"), one regressor for all firms;
#   5. parametric_tests, nonparametric_tests on the event window, car_parametric_tests and car_nonparametric_tests
#      over [0, +5].
# Prints the number of firms studied, then one line per statistic on day 0 (estudy2's column names; wlcx_stat is
# estudy2's signed-rank sum W+, wilcoxon_z its normal score), then the CAR tests over [0, +5].
# Usage: Rscript estudy2.R <universe dir> <market csv> <event date> <symbol>...
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "studyArgs.R"))
suppressPackageStartupMessages(library(estudy2))
estimation_offsets <- c(-250, -11)
event_offsets <- c(-1, 5)
min_estimation_returns <- 100

as_zoo <- function(p) zoo::zoo(p$close, as.Date(p$date))
sessions <- as.Date(market$date)
day0 <- which(sessions >= as.Date(event_date))[1]
at <- function(offset) sessions[day0 + offset]
estimation_start <- at(estimation_offsets[1]); estimation_end <- at(estimation_offsets[2])
event_start <- at(event_offsets[1]); event_end <- at(event_offsets[2])

files <- file.path(dir, paste0(symbols, ".csv"))
prices <- lapply(files[file.exists(files)], function(file) as_zoo(read_prices(file)))
rates <- get_rates_from_prices(prices, quote = "Close", multi_day = TRUE, compounding = "discrete")
market_rates <- get_rates_from_prices(list(as_zoo(market)), quote = "Close", multi_day = TRUE, compounding = "discrete")

in_estimation <- zoo::index(market_rates[[1]]) >= estimation_start & zoo::index(market_rates[[1]]) <= estimation_end
estimation_dates <- zoo::index(market_rates[[1]])[in_estimation & !is.na(market_rates[[1]])]
studied <- vapply(seq_along(rates), function(i) {
  r <- rates[[i]]
  sum(!is.na(r[zoo::index(r) %in% estimation_dates])) >= min_estimation_returns && zoo::index(prices[[i]])[1] < as.Date(event_date)
}, logical(1))

returns <- apply_market_model(rates[studied], regressors = market_rates, same_regressor_for_all = TRUE,
                              market_model = "sim", estimation_method = "ols",
                              estimation_start = estimation_start, estimation_end = estimation_end)
parametric <- parametric_tests(returns, event_start, event_end)
nonparametric <- nonparametric_tests(returns, event_start, event_end)
car <- suppressMessages(car_parametric_tests(returns, at(0), at(5)))[, c("name", "statistic")]
car <- rbind(car, car_nonparametric_tests(returns, at(0), at(5))[, c("name", "statistic")])

cat(length(returns), "\n")
day0_row <- function(table) table[table$date == at(0), ]
statistics <- c(unlist(day0_row(parametric)[grep("_stat$", names(parametric))]),
                unlist(day0_row(nonparametric)[grep("_stat$", names(nonparametric))]))
N <- day0_row(nonparametric)$percentage / 100 * length(returns)
statistics["wilcoxon_z"] <- (statistics[["wlcx_stat"]] - N * (N + 1) / 4) / sqrt(N * (N + 1) * (2 * N + 1) / 24)
for (name in names(statistics)) cat(name, format(statistics[[name]], digits = 6), "\n")
for (i in seq_len(nrow(car))) cat(car$name[i], format(car$statistic[i], digits = 6), "\n")

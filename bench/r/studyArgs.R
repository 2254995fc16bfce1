# What both R baselines share: their arguments (<universe dir> <market csv> <event date> <symbol>...) and how a
# price file is read (date and adjusted close).
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; market_file <- args[2]; event_date <- args[3]; symbols <- args[-(1:3)]
read_prices <- function(file) {
  p <- read.csv(file, colClasses = c(date = "character"))
  data.frame(date = p$date, close = p$adj_close)
}
market <- read_prices(market_file)

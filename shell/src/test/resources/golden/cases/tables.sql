.tables
.tables n%
.tables %s
.tables zzz
.ta

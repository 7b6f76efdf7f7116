.schema
.schema nums
.schema big%
.schema nothing
.schema [nt]*
.schema a b

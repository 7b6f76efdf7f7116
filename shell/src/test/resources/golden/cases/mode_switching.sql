.mode
.mode li
.mode
.mode c
.mode
.mode bogus
.mode ta
.mode
.mode box --wrap 5 --wordwrap on --quote
.mode
.mode list extra more
.mode column --frob
.mode json
.mode

.help mode
.help sep
.help zzz

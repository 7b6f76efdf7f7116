select * from nope;
.exit 0

.open $DIR/other.db
create table z(a);
.tables
.databases
.open $DIR/test.db
.tables
.open
.databases
.open --new $DIR/other.db
.tables
.open --readonly $DIR/test.db
.databases
insert into empty values(1);
.open --bogus
.open $DIR/no/such/dir/x.db
.databases

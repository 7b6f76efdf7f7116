.separator ;
select * from nums;
.separator , #
select 1, 2;
.separator "\t" "\n"
select 1, 2;
.separator
.mode csv
.separator |
select 'a|b', 'c,d';
.show
.mode list
.show

select 30;
.quit
select 31;

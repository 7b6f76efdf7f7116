.eqp on
select * from nums where label = 'x';
.eqp off
select 1;

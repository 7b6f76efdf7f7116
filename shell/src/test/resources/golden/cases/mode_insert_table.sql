.mode insert "odd name"
.headers on
select * from texts;
.mode insert t2
.headers off
select * from blobs;
.mode

.headers on
.mode csv
.nullvalue N
.echo on
.show

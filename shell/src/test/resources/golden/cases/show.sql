.show

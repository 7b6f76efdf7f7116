.databases

.help

from trustlog.cli.quick import main

main()

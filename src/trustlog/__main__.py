from trustlog.cli.app import main

main()

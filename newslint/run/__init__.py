"""The command line: argument parsing, file discovery, jobs in parallel, progress, subcommands."""

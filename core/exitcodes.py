"""Exit codes shared by the command-line subcommands.

May import: nothing.
"""

EXIT_OK = 0
EXIT_FAILED = 1  # the run failed, or some pairs of a batch failed
EXIT_BAD_INPUT = 2  # bad arguments or unreadable input: nothing was compared
EXIT_INTERRUPTED = 130  # stopped by Ctrl-C (128 + SIGINT, as a shell reports)
EXIT_TERMINATED = 143  # stopped by SIGTERM (128 + SIGTERM)
EXIT_SIGPIPE = 141  # the reader of standard output closed it (128 + SIGPIPE, as a shell reports)

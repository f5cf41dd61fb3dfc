"""The production topology as plain loopback processes (`make stack`), for trials and fault tests.

`stack.proxy` stands in for nginx (not installed on development machines); `stack.topology`
starts and supervises the processes; `stack.run` is the command line.
"""

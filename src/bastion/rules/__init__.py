"""Pattern rules, one module per topic. Each rule declares itself with `registry.rule`."""

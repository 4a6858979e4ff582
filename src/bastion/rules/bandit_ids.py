"""Bandit test ids and the Bastion rules that replace them (`# nosec B602` when `honor-nosec` is on).

docs/bandit-migration.md is the human-readable form of this table.
"""

BANDIT_TO_BASTION: dict[str, tuple[str, ...]] = {
    "B102": ("BST201",),  # exec_used
    "B307": ("BST201",),  # eval
    "B301": ("BST203",),  # pickle
    "B302": ("BST203",),  # marshal
    "B506": ("BST204",),  # yaml_load
    "B501": ("BST401",),  # request_with_no_cert_validation
    "B323": ("BST402",),  # unverified_context
    "B303": ("BST403",),  # md5/sha1
    "B324": ("BST403",),  # hashlib
    "B311": ("BST404",),  # random
    "B201": ("BST701",),  # flask_debug_true
    "B306": ("BST205",),  # mktemp_q
    "B602": ("BST202",),  # subprocess_popen_with_shell_equals_true
    "B604": ("BST202",),  # any_other_function_with_shell_equals_true
    "B605": ("BST202",),  # start_process_with_a_shell
}

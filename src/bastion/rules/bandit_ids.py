"""Bandit test ids and the Bastion rules that replace them (`# nosec B602` when `honor-nosec` is on).

Every check of Bandit 1.9 is listed with its Bandit name, the Bastion code(s) that cover it and a note
on how Bastion differs. `docs/bandit-migration.md` is generated from this table
(`migration_markdown()`); a test fails when the two disagree or a Bandit id is missing.
"""

from __future__ import annotations

# id: (Bandit name, Bastion codes, how Bastion differs). Where the taint analysis reports the same sink
# with a trace (BST250-BST264, BST550), its code is listed too: it replaces the pattern finding at that
# location, and `# nosec <id>` must suppress it as well.
BANDIT_CHECKS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "B101": ("assert_used", ("BST225",), "only asserts that check users, permissions or roles, and never in test files"),
    "B102": ("exec_used", ("BST201", "BST250"), "exec of literal code is not reported"),
    "B103": ("set_bad_file_permissions", ("BST234",), "world-writable chmod modes; creation modes (masked by the umask) are not reported"),
    "B104": ("hardcoded_bind_all_interfaces", ("BST226",), "where a socket or server is bound, not every \"0.0.0.0\" string"),
    "B105": ("hardcoded_password_string", ("BST419",), "literals bound to credential names, placeholder-aware; Django/Flask SECRET_KEY go to BST341/BST347"),
    "B106": ("hardcoded_password_funcarg", ("BST419",), "keyword arguments such as connect(password=\"...\")"),
    "B107": ("hardcoded_password_default", ("BST419",), "default parameter values"),
    "B108": ("hardcoded_tmp_directory", ("BST224",), "fixed /tmp, /var/tmp and /dev/shm paths that are written, not every such string"),
    "B110": ("try_except_pass", ("BST703",), "only when the try body authenticates, verifies, decrypts or saves, or the handler catches a security exception"),
    "B112": ("try_except_continue", ("BST703",), "same narrowing as B110"),
    "B113": ("request_without_timeout", ("BST235",), "requests calls without timeout, requests/httpx with timeout=None; fix adds timeout=30"),
    "B201": ("flask_debug_true", ("BST701",), ""),
    "B202": ("tarfile_unsafe_members", ("BST222",), "extractall/extract without filter=; fix adds filter=\"data\""),
    "B301": ("pickle", ("BST203", "BST213", "BST259"), "loads of literal data are not reported; pandas.read_pickle is BST213"),
    "B302": ("marshal", ("BST203", "BST259"), ""),
    "B303": ("md5", ("BST403", "BST229"), "MD5/SHA-1 over passwords are BST229"),
    "B304": ("ciphers", ("BST405",), "DES, 3DES, RC4, RC2, Blowfish, IDEA, CAST5 in cryptography, PyCryptodome/PyCrypto, pyDes; weak OpenSSL cipher strings"),
    "B305": ("cipher_modes", ("BST406",), "ECB in cryptography and PyCryptodome"),
    "B306": ("mktemp_q", ("BST205",), ""),
    "B307": ("eval", ("BST201", "BST250"), ""),
    "B308": ("mark_safe", ("BST220", "BST253"), "only markup built from values that were not escaped"),
    "B310": ("urllib_urlopen", ("BST236", "BST254"), "URLs without a literal http(s) scheme"),
    "B311": ("random", ("BST404",), "only where the value is used for security"),
    "B312": ("telnetlib", ("BST415",), "telnetlib.Telnet connections (the import alone is not reported)"),
    "B313": ("xml_bad_cElementTree", ("BST215", "BST258"), "fix swaps in defusedxml.ElementTree"),
    "B314": ("xml_bad_ElementTree", ("BST215", "BST258"), "fix swaps in defusedxml.ElementTree"),
    "B315": ("xml_bad_expatreader", ("BST215", "BST258"), "fix swaps in defusedxml.expatreader"),
    "B316": ("xml_bad_expatbuilder", ("BST215", "BST258"), "fix swaps in defusedxml.expatbuilder"),
    "B317": ("xml_bad_sax", ("BST215", "BST240", "BST258"), "fix swaps in defusedxml.sax; external entities turned on are BST240"),
    "B318": ("xml_bad_minidom", ("BST215", "BST258"), "fix swaps in defusedxml.minidom"),
    "B319": ("xml_bad_pulldom", ("BST215", "BST258"), "fix swaps in defusedxml.pulldom"),
    "B321": ("ftplib", ("BST415",), "ftplib.FTP connections; FTP_TLS is fine"),
    "B323": ("unverified_context", ("BST402",), ""),
    "B324": ("hashlib_insecure_functions", ("BST403", "BST229"), "MD5/SHA-1 over passwords are BST229"),
    "B401": ("import_telnetlib", ("BST415",), "reported where a connection is made, not at the import"),
    "B402": ("import_ftplib", ("BST415",), "reported where an FTP (not FTP_TLS) connection is made"),
    "B403": ("import_pickle", ("BST203",), "reported where data is loaded, not at the import"),
    "B404": ("import_subprocess", ("BST202", "BST207"), "reported where a command runs, not at the import"),
    "B405": ("import_xml_etree", ("BST215",), "reported where XML is parsed, not at the import"),
    "B406": ("import_xml_sax", ("BST215",), "reported where XML is parsed, not at the import"),
    "B407": ("import_xml_expat", ("BST215",), "reported where XML is parsed, not at the import"),
    "B408": ("import_xml_minidom", ("BST215",), "reported where XML is parsed, not at the import"),
    "B409": ("import_xml_pulldom", ("BST215",), "reported where XML is parsed, not at the import"),
    "B411": ("import_xmlrpclib", ("BST217",), "XML-RPC clients and servers in files without defusedxml.xmlrpc.monkey_patch()"),
    "B412": ("import_httpoxy", ("BST237",), "reported where the CGI handler is created"),
    "B413": ("import_pycrypto", ("BST409",), "unless the file uses PyCryptodome-only modules"),
    "B415": ("import_pyghmi", ("BST238",), "reported where an IPMI session is created"),
    "B501": ("request_with_no_cert_validation", ("BST401",), ""),
    "B502": ("ssl_with_bad_version", ("BST412",), "PROTOCOL_SSLv2/3/TLSv1/TLSv1_1, TLSVersion minimums, pyOpenSSL *_METHOD"),
    "B503": ("ssl_with_bad_defaults", ("BST412",), "old protocols as parameter defaults are values too"),
    "B504": ("ssl_with_no_version", ("BST413",), "ssl.wrap_socket is reported whatever its arguments (removed in 3.12)"),
    "B505": ("weak_cryptographic_key", ("BST408",), "RSA/DSA/DH under 2048 bits, EC curves under 224 bits"),
    "B506": ("yaml_load", ("BST204", "BST259"), "fix uses yaml.safe_load"),
    "B507": ("ssh_no_host_key_verification", ("BST414",), "paramiko AutoAddPolicy/WarningPolicy, with a RejectPolicy fix"),
    "B508": ("snmp_insecure_version", ("BST417",), "pysnmp CommunityData (v1 and v2c)"),
    "B509": ("snmp_weak_cryptography", ("BST417",), "UsmUserData without auth or privacy keys, or with DES/MD5"),
    "B601": ("paramiko_calls", ("BST210", "BST251"), "exec_command with a non-literal command"),
    "B602": ("subprocess_popen_with_shell_equals_true", ("BST202", "BST251"), "literal commands at low severity, with a fix to an argument list"),
    "B603": ("subprocess_without_shell_equals_true", ("BST207", "BST251"), "only a non-literal program; off by default"),
    "B604": ("any_other_function_with_shell_equals_true", ("BST239", "BST202", "BST251"), "non-literal commands only"),
    "B605": ("start_process_with_a_shell", ("BST202", "BST209", "BST251"), "non-literal commands only; literal ones only with a wildcard (BST209)"),
    "B606": ("start_process_with_no_shell", ("BST207", "BST251"), "only a non-literal program; off by default"),
    "B607": ("start_process_with_partial_path", ("BST208",), "off by default"),
    "B608": ("hardcoded_sql_expressions", ("BST501", "BST550"), "where the SQL reaches a database call, with bound parameters, quoted identifiers and allowlists understood; BST550 when the value is untrusted input"),
    "B609": ("linux_commands_wildcard_injection", ("BST209",), ""),
    "B610": ("django_extra_used", ("BST501", "BST550"), "extra() with SQL built from run-time values"),
    "B611": ("django_rawsql_used", ("BST501", "BST550"), "RawSQL with SQL built from run-time values"),
    "B612": ("logging_config_insecure_listen", ("BST705",), "logging.config.listen, high without verify="),
    "B613": ("trojansource", ("BST227",), "embeddings, overrides and isolates; not the U+200E/U+200F marks"),
    "B614": ("pytorch_load", ("BST211", "BST259"), "fix adds weights_only=True"),
    "B615": ("huggingface_unsafe_download", ("BST214",), "revision must be a commit hash"),
    "B701": ("jinja2_autoescape_false", ("BST218",), "fix turns autoescape on"),
    "B702": ("use_of_mako_templates", ("BST219",), "unless default_filters escapes HTML"),
    "B703": ("django_mark_safe", ("BST220", "BST253"), "only markup built from values that were not escaped"),
    "B704": ("markupsafe_markup_xss", ("BST220", "BST253"), "only markup built from values that were not escaped"),
}

BANDIT_TO_BASTION: dict[str, tuple[str, ...]] = {bandit_id: codes for bandit_id, (_, codes, _) in BANDIT_CHECKS.items()}


def migration_markdown() -> str:
    """The text of docs/bandit-migration.md."""
    lines = [
        "# Migrating from Bandit",
        "",
        "Generated from `src/bastion/rules/bandit_ids.py`; do not edit by hand.",
        "",
        "Every check of Bandit 1.9 has a Bastion equivalent. With `honor-nosec = true` (or `--honor-nosec`),",
        "`# nosec B602` suppresses the Bastion rules listed for B602; a bare `# nosec` suppresses everything",
        "on the statement. Rules marked off by default are enabled with `select = [\"BST207\"]` or `--select`.",
        "",
        "| Bandit | Name | Bastion | Notes |",
        "|---|---|---|---|",
    ]
    for bandit_id, (name, codes, note) in sorted(BANDIT_CHECKS.items()):
        note = note.replace("|", "\\|")
        lines.append(f"| {bandit_id} | `{name}` | {', '.join(codes)} | {note} |")
    return "\n".join(lines) + "\n"

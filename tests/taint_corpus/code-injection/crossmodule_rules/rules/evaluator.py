def check_condition(condition, metrics):
    return bool(eval(condition, {"__builtins__": {}}, metrics))  # expect: BST250

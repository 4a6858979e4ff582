import ast


def check_condition(condition, metrics):
    threshold = ast.literal_eval(condition)
    return metrics["cpu"] > threshold

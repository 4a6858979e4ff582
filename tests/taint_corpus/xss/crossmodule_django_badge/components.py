from django.utils.safestring import mark_safe


def badge(label):
    return mark_safe(f'<span class="badge">{label}</span>')  # expect: BST253

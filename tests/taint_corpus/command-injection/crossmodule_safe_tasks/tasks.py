from shellutil import run_shell, safe_name


def render_video(title):
    run_shell(f"melt project.mlt -consumer avformat:{safe_name(title)}.mp4")

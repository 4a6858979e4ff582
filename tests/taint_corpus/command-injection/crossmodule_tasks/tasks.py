import subprocess

from shellutil import run_shell


def render_video(title):
    run_shell(f"melt project.mlt -consumer avformat:'{title}.mp4'")


def cleanup():
    subprocess.run(["rm", "-rf", "/tmp/render"])

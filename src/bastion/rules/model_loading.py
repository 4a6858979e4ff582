"""Loading models and arrays with formats that embed pickles: torch, numpy, joblib, pandas, Hugging Face."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.astutil import argument, is_literal, keyword
from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Finding
from bastion.rules.registry import rule

TORCH_LOADERS = frozenset({"torch.load", "torch.serialization.load"})
PICKLE_BACKED_LOADERS = frozenset(
    {
        "joblib.load",
        "sklearn.externals.joblib.load",
        "pandas.read_pickle",
        "pandas.io.pickle.read_pickle",
        "keras.models.load_model",
        "tensorflow.keras.models.load_model",
        "cloudpickle.load",
    }
)
HUB_DOWNLOADS = frozenset(
    {
        "huggingface_hub.hf_hub_download",
        "huggingface_hub.snapshot_download",
        "huggingface_hub.file_download.hf_hub_download",
        "datasets.load_dataset",
    }
)
_COMMIT = re.compile(r"^[0-9a-f]{40}$")


@rule(
    "BST211",
    "torch-load-unsafe",
    summary="`torch.load` without `weights_only=True` unpickles arbitrary objects",
    calls=TORCH_LOADERS,
    severity="high",
    confidence="high",
    cwe=502,
    owasp="A08",
    fixable=True,
)
def torch_load_unsafe(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `torch.load(...)` called with `weights_only=False`, or without `weights_only` at all.

    ## Why is this bad?
    PyTorch checkpoints are pickles. With `weights_only=False` (the default before PyTorch 2.6) loading
    a checkpoint someone else produced — a downloaded model, an upload — runs any code it contains.

    ## Example
    ```python
    state = torch.load("model.pt")
    ```

    ## Use instead
    ```python
    state = torch.load("model.pt", weights_only=True)
    ```
    Or store tensors with `safetensors`.

    ## References
    - https://pytorch.org/docs/stable/generated/torch.load.html
    - https://cwe.mitre.org/data/definitions/502.html
    """
    value = keyword(call, "weights_only")
    if value is None:
        if any(item.arg is None for item in call.keywords):
            return
        fix = edits.fix("load weights only", edits.add_keyword(ctx.source, call, "weights_only=True"))
        yield ctx.finding(call, "`torch.load` without `weights_only=True` can run code hidden in the checkpoint", fix=fix)
        return
    if ctx.constant(value) is False:
        fix = edits.fix("load weights only", edits.replace(ctx.source, value, "True"))
        yield ctx.finding(call, "`torch.load(..., weights_only=False)` runs any code hidden in the checkpoint", fix=fix)


@rule(
    "BST212",
    "numpy-load-allow-pickle",
    summary="`numpy.load(allow_pickle=True)` unpickles object arrays",
    calls={"numpy.load"},
    severity="medium",
    confidence="high",
    cwe=502,
    owasp="A08",
    fixable=True,
)
def numpy_load_allow_pickle(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `numpy.load(..., allow_pickle=True)`.

    ## Why is this bad?
    Object arrays in `.npy`/`.npz` files are stored as pickles; allowing them lets a crafted file run
    code when it is loaded.

    ## Example
    ```python
    data = np.load(path, allow_pickle=True)
    ```

    ## Use instead
    ```python
    data = np.load(path, allow_pickle=False)
    ```

    ## References
    - https://numpy.org/doc/stable/reference/generated/numpy.load.html
    - https://cwe.mitre.org/data/definitions/502.html
    """
    value = argument(call, 2, "allow_pickle")
    if value is None or ctx.constant(value) is not True:
        return
    fix = edits.fix("refuse pickled object arrays", edits.replace(ctx.source, value, "False"))
    yield ctx.finding(call, "`numpy.load(allow_pickle=True)` can run code hidden in object arrays", fix=fix)


@rule(
    "BST213",
    "pickle-based-loader",
    summary="joblib, pandas or Keras loaders that unpickle their input",
    calls=PICKLE_BACKED_LOADERS,
    severity="medium",
    confidence="medium",
    cwe=502,
    owasp="A08",
)
def pickle_based_loader(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `joblib.load`, `pandas.read_pickle` and legacy Keras `load_model` calls on non-literal
    paths, and `load_model(..., safe_mode=False)`.

    ## Why is this bad?
    These formats are pickles underneath: loading a file from an untrusted place runs the code a
    crafted file carries.

    ## Example
    ```python
    model = joblib.load(uploaded_path)
    ```

    ## Use instead
    Load only artefacts you produced and stored where others cannot write; exchange models in
    data-only formats (`skops`, ONNX, `safetensors`, Parquet for frames).

    ## References
    - https://joblib.readthedocs.io/en/stable/persistence.html
    - https://pandas.pydata.org/docs/reference/api/pandas.read_pickle.html
    - https://cwe.mitre.org/data/definitions/502.html
    """
    name = ctx.call_name(call) or ""
    if name.endswith("load_model"):
        if ctx.constant(keyword(call, "safe_mode")) is not False:
            return
    else:
        source = argument(call, 0)
        if source is not None and isinstance(source, ast.Constant) and not isinstance(source.value, str):
            return
    yield ctx.finding(call, f"`{name}` unpickles its input; a crafted file runs code")


def _is_from_pretrained(ctx: Context, call: ast.Call) -> str | None:
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr != "from_pretrained":
        return None
    owner = ctx.qualname(func.value) or ""
    if owner.split(".")[0] in {"transformers", "diffusers", "sentence_transformers", "peft"}:
        return f"{owner}.from_pretrained"
    return None


@rule(
    "BST214",
    "huggingface-unpinned-download",
    summary="Model or dataset downloaded from the Hugging Face Hub without a pinned revision",
    attrs={"from_pretrained", "hf_hub_download", "snapshot_download", "load_dataset"},
    severity="medium",
    confidence="high",
    cwe=494,
    owasp="A08",
)
def huggingface_unpinned_download(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `from_pretrained(...)` of `transformers`/`diffusers`, `hf_hub_download`,
    `snapshot_download` and `datasets.load_dataset` of a Hub repository without `revision=` set to a
    commit hash.

    ## Why is this bad?
    Without a pinned revision every run downloads whatever the repository holds now. A compromised or
    changed repository ships new weights, code (`trust_remote_code`) or pickles to every user.

    ## Example
    ```python
    model = AutoModel.from_pretrained("org/model")
    ```

    ## Use instead
    ```python
    model = AutoModel.from_pretrained("org/model", revision="5d0f2e8a7f1c3d6b9e0a4c2f8b1d7e6a3c9f0b2d")
    ```

    ## References
    - https://huggingface.co/docs/huggingface_hub/guides/download#from-specific-version
    - https://cwe.mitre.org/data/definitions/494.html
    """
    name = _is_from_pretrained(ctx, call) or ctx.call_name(call)
    if name is None or (name not in HUB_DOWNLOADS and not name.endswith(".from_pretrained")):
        return
    repo = argument(call, 0, "repo_id") or argument(call, 0, "pretrained_model_name_or_path") or argument(call, 0, "path")
    repo_name = ctx.constant(repo)
    if isinstance(repo_name, str) and repo_name.startswith((".", "/", "~")):
        return  # a local directory
    if repo is not None and not is_literal(repo) and repo_name is ...:
        return  # a path or name chosen elsewhere: cannot tell a local directory from a Hub id
    revision = ctx.constant(keyword(call, "revision"))
    if isinstance(revision, str) and _COMMIT.match(revision):
        return
    what = f"revision `{revision}`" if isinstance(revision, str) else "no pinned revision"
    yield ctx.finding(call, f"`{name}` downloads `{repo_name}` with {what}; pin a commit hash")

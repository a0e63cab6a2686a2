# Sourced by bin/*: chooses the Python that runs Jupyter, as $PY.
#   SEQ2SEQ_PYTHON if set; else the active conda environment's python if it has nbclient
#   (the environment.yml route); else Debian's /usr/bin/python3 (bin/setup installs its Jupyter).
PY=${SEQ2SEQ_PYTHON:-}
if [ -z "$PY" ]; then
    if [ -n "${CONDA_PREFIX:-}" ] && "$CONDA_PREFIX/bin/python" -c 'import nbclient' 2>/dev/null; then
        PY="$CONDA_PREFIX/bin/python"
    else
        PY=/usr/bin/python3
    fi
fi

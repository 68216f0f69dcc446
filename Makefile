# The two commands of the README: `make demo` and `make test`. Both create .venv and install
# armstack with the pinned constraints on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export MUJOCO_GL ?= egl
export PYOPENGL_PLATFORM ?= egl

# llama-cpp-python has no binary wheel on PyPI: pip compiles it, by default with -march=native. On Intel
# Sapphire Rapids Xeons (AVX-512 + AMX) that build segfaults on the first eval, in ggml's AMX matrix kernels
# (ggml-org/llama.cpp#20824). We build one portable x86-64 wheel instead: AVX2/FMA/F16C/BMI2 (every Intel
# since Haswell, every AMD since Zen), no AVX-512, no AMX. It is built once per machine into a wheelhouse
# keyed by version and flags, so pip's own wheel cache (which may hold a native build) is never used.
# Override LLAMA_CMAKE_ARGS to try other flags; `armstack doctor` then tells whether the model runs.
LLAMA_VERSION := 0.3.36
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON \
	-DGGML_AVX_VNNI=OFF -DGGML_AVX512=OFF -DGGML_AVX512_VBMI=OFF -DGGML_AVX512_VNNI=OFF -DGGML_AVX512_BF16=OFF \
	-DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF -DLLAVA_BUILD=OFF
LLAMA_BUILD_ID := $(shell printf '%s' '$(LLAMA_VERSION) $(LLAMA_CMAKE_ARGS)' | sha256sum | cut -c1-12)
WHEELHOUSE ?= $(HOME)/.cache/armstack/wheels/llama-cpp-python-$(LLAMA_VERSION)-$(LLAMA_BUILD_ID)
LLAMA_STAMP := $(VENV)/.llama-$(LLAMA_BUILD_ID)

.PHONY: install install-llm interfaces demo test lint typecheck doctor bench interop clean

# control_msgs, controller_manager_msgs, franka_msgs, ur_dashboard_msgs are not on PyPI: generated from interfaces/
# with the rosidl wheels into ~/.cache/armstack/ros_interfaces/<hash of definitions + generator versions> (minutes,
# once per machine), then installed into the venv as one wheel. A rerun with nothing changed is a no-op check.
IFACE_SOURCES := $(shell find interfaces -type f 2>/dev/null)
IFACE_STAMP := $(VENV)/.ros-interfaces

$(IFACE_STAMP): $(STAMP) $(IFACE_SOURCES) robot/interfaces_build.py
	$(BIN)/python -m robot.interfaces_build
	touch $(IFACE_STAMP)

interfaces: $(IFACE_STAMP)

$(WHEELHOUSE)/.built:
	rm -rf $(WHEELHOUSE).partial && mkdir -p $(WHEELHOUSE).partial
	@echo "building llama-cpp-python $(LLAMA_VERSION) for any x86-64 CPU (a few minutes, once per machine) ..."
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) $(PY) -m pip wheel -q --no-cache-dir \
		--no-deps --no-binary llama-cpp-python -w $(WHEELHOUSE).partial llama-cpp-python==$(LLAMA_VERSION)
	touch $(WHEELHOUSE).partial/.built
	rm -rf $(WHEELHOUSE) && mv $(WHEELHOUSE).partial $(WHEELHOUSE)

# A dropped connection to PyPI (seen here: "incomplete-download" on 80 MB wheels for minutes at a time) must
# not fail a fresh clone: pip resumes partial downloads, and the whole install is retried after a pause.
# What a failed try already fetched stays in pip's cache, so a retry only fetches the rest.
PIP_INSTALL_TRIES ?= 4
$(STAMP): pyproject.toml constraints.txt $(WHEELHOUSE)/.built
	$(PY) -m venv $(VENV)
	for try in 1 2 3; do $(BIN)/python -m pip install -q --retries 10 --upgrade pip && break; sleep 30; done
	for try in $$(seq $(PIP_INSTALL_TRIES)); do \
		$(BIN)/python -m pip install -q --retries 10 --resume-retries 20 -c constraints.txt \
			--find-links $(WHEELHOUSE) --only-binary llama-cpp-python -e ".[dev,llm,ros]" && break; \
		[ $$try -lt $(PIP_INSTALL_TRIES) ] || exit 1; \
		echo "pip install failed (try $$try of $(PIP_INSTALL_TRIES)); retrying in 60 s"; sleep 60; \
	done
	touch $(STAMP)

# A venv that already holds another build (a native one from before this rule) gets the portable wheel.
$(LLAMA_STAMP): $(STAMP) $(WHEELHOUSE)/.built
	$(BIN)/python -m pip install -q --force-reinstall --no-deps $(WHEELHOUSE)/llama_cpp_python-*.whl
	rm -f $(VENV)/.llama-* && touch $(LLAMA_STAMP)

install: $(STAMP) $(LLAMA_STAMP) $(IFACE_STAMP)

install-llm: $(LLAMA_STAMP)

demo: install
	$(BIN)/armstack demo

doctor: install
	$(BIN)/armstack doctor

lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy

# The ROS tests start bridges, simulated arms and driver doubles in real time: on 2 cores a rig beside any other
# busy test starves (the simulated arm's 250 Hz joint states go stale and the bridge stops, as it must), so they run
# first, one at a time, alone; then the rest on two workers. Both parts always run; either failing fails the target.
test: lint typecheck
	$(BIN)/armstack doctor
	$(BIN)/python -m pytest -m "ros and not lerobot"; ros=$$?; \
	$(BIN)/python -m pytest -n 2 --dist loadgroup -m "not ros and not lerobot"; rest=$$?; \
	test $$ros -eq 0 -a $$rest -eq 0

bench: install
	$(BIN)/python bench/sim_throughput.py

# LeRobot's own code (lerobot 0.6.1 needs Python >= 3.12 and torch < 2.12: its own venv, .venv-lerobot) against
# armstack data and policies. Optional tier, not part of `make test`.
interop: install
	tests/interop/make_lerobot_venv.sh
	$(BIN)/python -m pytest -m lerobot tests/interop -p no:cacheprovider

clean:
	rm -rf $(VENV) out

# The two commands of the README. Each installs what is missing first (scripts/setup.sh).
.PHONY: run test
run:
	bash scripts/run.sh
test:
	bash scripts/test.sh

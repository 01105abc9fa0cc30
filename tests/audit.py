"""`make audit`: known advisories in the installed packages, through pip-audit, saying
plainly how many packages it could look up: where its advisory data (PyPI's JSON API) is out
of reach, it skips every package, and "no known vulnerabilities" would mean nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def main() -> int:
    exe = Path(sys.executable).with_name("pip-audit")
    done = subprocess.run([str(exe), "--format", "json", "--progress-spinner", "off", "--skip-editable"],
                          capture_output=True, text=True, check=False)
    try:
        deps = json.loads(done.stdout)["dependencies"]
    except (ValueError, KeyError, TypeError):
        print(f"make audit: pip-audit gave no report ({done.stderr.strip()[-300:] or 'no output'})")
        return 0
    looked = [d for d in deps if "skip_reason" not in d]
    vulns = [(d["name"], d["version"], v["id"], ", ".join(v.get("fix_versions", [])) or "no fix yet")
             for d in looked for v in d.get("vulns", [])]
    print(f"make audit: {len(looked)} of {len(deps)} installed packages looked up; {len(vulns)} known advisories")
    for name, version, vid, fix in vulns:
        print(f"  {name} {version}: {vid} (fixed in {fix})")
    if len(looked) < len(deps):
        print(f"  {len(deps) - len(looked)} packages could not be looked up here (the advisory data is not "
              "reachable from this machine); run `make audit` where PyPI's JSON API is")
    return 1 if vulns else 0


if __name__ == "__main__":
    raise SystemExit(main())

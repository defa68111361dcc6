import subprocess
import sys


def test_the_offline_provider_loads_without_the_openai_sdk_or_scikit_learn():
    # Both take about a second to import; a laptop with no API key should not pay for them.
    code = (
        "from agents.providers.factory import build_provider\n"
        "from agents.providers.offline import OfflineProvider, get_classifier\n"
        "offline = OfflineProvider(); get_classifier()\n"
        "assert build_provider(api_key='', base_url='', model='', offline=offline) is offline\n"
        "import sys; print(sorted(m for m in ('openai', 'sklearn', 'scipy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

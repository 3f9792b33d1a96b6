#!/usr/bin/env python3
# The gateway's pages in a real browser (headless Debian chromium, driven over the DevTools pipe):
# the scripted resident's kiosk sends a dossier; an officer signs in, opens it and asks for more
# papers, and the kiosk's status lookup then carries the reason and the access record; a viewer
# sees the red kiosk, opens a month of usage, downloads the CSV and is refused the inbox; a wrong
# password and forged or cross-site forms are refused. Every page is saved as a PNG in --shots.
import argparse
import datetime
import hashlib
import hmac
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp_pipe import Chromium  # noqa: E402

OFFICE = "Bộ phận một cửa UBND xã Vĩnh Tường"
OFFICER = ("can-bo-lan", "mat-khau-can-bo-01")
VIEWER = ("doan-thanh-nien", "mat-khau-xem-0001")
ADMIN = ("quan-tri-xa", "mat-khau-quan-tri-01")
ADULTS = {"Thôn Bắc": 350, "Thôn Đông": 400, "Thôn Tây": 300}
REASON = "Thiếu bản sao giấy chứng sinh của mẹ"
KIOSKS = {  # kiosk id -> village; the resident uses the first
    "bt-bac": "Thôn Bắc",
    "bt-dong": "Thôn Đông",
    "bt-tay": "Thôn Tây",
}
VIETNAM = datetime.timezone(datetime.timedelta(hours=7))

failures = []


def check(condition, what):
    print(("ok: " if condition else "FAIL: ") + what, flush=True)
    if not condition:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gateway:
    def __init__(self, program, work, content_dir):
        self.program = program
        self.work = work
        self.db = os.path.join(work, "gateway.db")
        subprocess.run([program, "keygen", "--out", work], check=True, stdout=subprocess.DEVNULL)
        self.secrets = {k: hashlib.sha256(("secret-" + k).encode()).hexdigest() for k in KIOSKS}
        with open(os.path.join(work, "kiosks"), "w") as f:
            for kiosk, secret in self.secrets.items():
                f.write(f"{kiosk} {secret}\n")
        for (name, password), role, office in ((OFFICER, "officer", OFFICE),
                                               (VIEWER, "viewer", "Tổ công nghệ số cộng đồng"),
                                               (ADMIN, "admin", "UBND xã Vĩnh Tường")):
            subprocess.run([program, "user", "add", "--db", self.db, name, "--role", role,
                            "--office", office], input=password + "\n", text=True, check=True,
                           stdout=subprocess.DEVNULL)
        for kiosk, village in KIOSKS.items():
            subprocess.run([program, "kiosk", "place", "--db", self.db, kiosk, "--village",
                            village, "--commune", "Vĩnh Tường"], check=True,
                           stdout=subprocess.DEVNULL)
        self.port = free_port()
        self.log = open(os.path.join(work, "gateway.log"), "w")
        self.process = subprocess.Popen(
            [program, "serve", "--db", self.db, "--key", os.path.join(work, "gateway.key"),
             "--kiosks", os.path.join(work, "kiosks"), "--listen", f"127.0.0.1:{self.port}",
             "--content", content_dir], stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url("/v1/health"), timeout=1)
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the gateway did not start")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()

    # The kiosk API: signed exactly as kiosk/outbox/gateway_protocol.hpp describes.
    def signed(self, kiosk, method, path, body=b""):
        timestamp = str(int(time.time()))
        text = "\n".join([method, path, timestamp, hashlib.sha256(body).hexdigest()])
        signature = hmac.new(self.secrets[kiosk].encode(), text.encode(), "sha256").hexdigest()
        request = urllib.request.Request(self.url(path), data=body if method == "POST" else None,
                                         method=method)
        request.add_header("X-Kiosk-Id", kiosk)
        request.add_header("X-Kiosk-Timestamp", timestamp)
        request.add_header("X-Kiosk-Signature", signature)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=10) as reply:
            return json.loads(reply.read())

    def heartbeat(self, kiosk, printer):
        beat = {"kiosk_id": kiosk, "app_version": "0.4.0", "content_sequence": 3,
                "printer": printer, "reader": "ready", "outbox_pending": 0,
                "outbox_attention": 0, "free_disk_mb": 900, "uptime_s": 7200,
                "since_session_s": 300, "error_codes": []}
        self.signed(kiosk, "POST", "/v1/heartbeats", json.dumps(beat).encode())

    def aggregate(self, kiosk, day, counts):
        body = {"kiosk_id": kiosk, "day": day,
                "counts": [{"metric": m, "item": i, "count": c} for m, i, c in counts]}
        self.signed(kiosk, "POST", "/v1/aggregates", json.dumps(body).encode())


def run_resident(args, gateway, work):
    """The scripted resident submits a dossier on the bt-bac kiosk (kiosk --demo)."""
    content = os.path.join(work, "content")
    subprocess.run([args.kioskctl, "pack", "install", args.pack, "--content-dir", content,
                    "--trust", args.trust], check=True, stdout=subprocess.DEVNULL)
    secret_file = os.path.join(work, "kiosk.secret")
    with open(os.open(secret_file, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
        f.write(gateway.secrets["bt-bac"] + "\n")
    data = os.path.join(work, "kiosk-data")
    os.makedirs(data)
    config = os.path.join(work, "kiosk.ini")
    with open(config, "w") as f:
        f.write(f"""; Written by the browser test: simulated devices on purpose, a loopback gateway.
[display]
fullscreen = false
[devices]
printer = sim
card_reader = sim
[gateway]
url = {gateway.url("")}
kiosk_id = bt-bac
credential_file = {secret_file}
public_key_file = {os.path.join(gateway.work, "gateway.pub")}
[paths]
data_dir = {data}
content_dir = {content}
content_trust_dir = {args.trust}
""")
    env = dict(os.environ, SDL_VIDEODRIVER="offscreen", SDL_RENDER_DRIVER="software",
               SDL_AUDIODRIVER="dummy")
    with open(os.path.join(work, "demo.log"), "w") as log:
        subprocess.run([args.kiosk, "--config", config, "--demo"], env=env, check=True,
                       stdout=log, stderr=subprocess.STDOUT, timeout=300)
    return content


def sign_in(browser, gateway, account, shots, shot_name=None):
    browser.navigate(gateway.url("/login"))
    browser.evaluate(
        f"document.getElementById('name').value = {json.dumps(account[0])};"
        f"document.getElementById('password').value = {json.dumps(account[1])};")
    if shot_name:
        browser.screenshot(os.path.join(shots, shot_name))
    browser.submit_and_wait("document.getElementById('signin').click()")


def main():
    parser = argparse.ArgumentParser()
    for name in ("gateway", "kiosk", "kioskctl", "pack", "trust", "chromium", "shots"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    if shutil.which(args.chromium) is None:
        print(f"FAIL: {args.chromium} is not installed (scripts/install-deps.sh installs it)")
        return 1
    shots = args.shots
    os.makedirs(shots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="kiosk-browser-")
    os.chmod(work, 0o700)
    gateway_work = os.path.join(work, "gateway")
    os.makedirs(gateway_work, mode=0o700)
    gateway = None
    browser = None
    finished = False
    try:
        # The gateway needs the content to lay answers out like the form; the kiosk installs the
        # same signed pack, so install it once here for both.
        content = os.path.join(work, "gateway-content")
        subprocess.run([args.kioskctl, "pack", "install", args.pack, "--content-dir", content,
                        "--trust", args.trust], check=True, stdout=subprocess.DEVNULL)
        gateway = Gateway(args.gateway, gateway_work, content)
        run_resident(args, gateway, work)
        for _ in range(60):
            listing = subprocess.run([args.gateway, "list", "--db", gateway.db, "--key",
                                      os.path.join(gateway_work, "gateway.key")],
                                     capture_output=True, text=True).stdout
            if "bt-bac" in listing:
                break
            time.sleep(0.5)
        check("bt-bac" in listing, "the scripted resident's dossier reached the gateway")
        rows = [line for line in listing.splitlines() if "\tbt-bac\t" in line]
        code = rows[0].split("\t")[0] if rows else "no-dossier"

        # bt-bac's heartbeat came from the demo kiosk itself (at its start); bt-dong's is made here.
        gateway.heartbeat("bt-dong", "paper_out")  # bt-tay never reports: silent
        today = datetime.datetime.now(VIETNAM).date()
        for offset, kiosk in ((0, "bt-bac"), (1, "bt-dong"), (2, "bt-bac")):
            day = today.replace(day=1) + datetime.timedelta(days=offset)
            gateway.aggregate(kiosk, day.isoformat(),
                              [("sessions", "", 9 + offset), ("dossiers", "1.001193", 3), ("dossiers", "1.004194", 1 + offset),
                               ("lookups", "", 2), ("lessons_started", "", 30),
                               ("lessons_completed", "smartphone-basics-01", 20 if kiosk == "bt-bac" else 6),
                               ("lessons_completed", "scam-spotting-01", None)])

        browser = Chromium(args.chromium, os.path.join(work, "profile-officer"),
                           os.path.join(work, "chromium-officer.log"))
        browser.open_page()

        # A wrong password is refused on the page, with the reason in words.
        sign_in(browser, gateway, (OFFICER[0], "not-the-password"), shots)
        check(browser.document_status == 401 and "Sai tên đăng nhập" in browser.text(),
              "a wrong password is refused (401, message shown)")
        browser.screenshot(os.path.join(shots, "01-login-wrong-password.png"))

        sign_in(browser, gateway, OFFICER, shots)
        check(browser.evaluate("location.pathname") == "/dashboard/kiosks",
              "the officer lands on the kiosks page")
        browser.navigate(gateway.url("/inbox"))
        check(code in browser.text(), "the officer's inbox lists the resident's dossier")
        browser.screenshot(os.path.join(shots, "02-officer-inbox.png"))
        browser.submit_and_wait(
            f"document.querySelector('a[href=\"/inbox/dossier/{code}\"]').click()")
        page = browser.text()
        check("Trạng thái mới" in page and code in page,
              "the officer opens the dossier laid out like its form")
        browser.screenshot(os.path.join(shots, "03-officer-dossier.png"))

        # A forged token in the officer's own browser is refused.
        browser.submit_and_wait(
            "document.querySelector('#new-status').value = 'more_papers';"
            "document.querySelector('#reason').value = 'giả mạo';"
            "document.querySelector('form[action$=\"/status\"] input[name=csrf]').value = "
            "'forged';"
            "document.getElementById('set-status').click()")
        check(browser.document_status == 403 and "CSRF" in browser.text(),
              "a status form with a forged CSRF token is refused (403)")
        browser.screenshot(os.path.join(shots, "04-csrf-refused.png"))

        # Another site's form: SameSite=Strict keeps the session cookie away, so it lands on the
        # sign-in page and changes nothing.
        attacker = ("data:text/html;charset=utf-8,<form method=post action='"
                    + gateway.url(f"/inbox/dossier/{code}/status")
                    + "'><input name=status value=returned><input name=reason value=x>"
                    "<button id=go>go</button></form>")
        browser.navigate(attacker)
        browser.submit_and_wait("document.getElementById('go').click()")
        check(browser.evaluate("location.pathname") == "/login",
              "a cross-site form reaches the sign-in page, not the dossier")

        browser.navigate(gateway.url(f"/inbox/dossier/{code}"))
        browser.submit_and_wait(
            "document.querySelector('#new-status').value = 'more_papers';"
            f"document.querySelector('#reason').value = {json.dumps(REASON)};"
            "document.getElementById('set-status').click()")
        check(browser.evaluate("location.pathname") == "/inbox"
              and "Cần bổ sung" in browser.text(),
              "the officer sets 'more papers needed' with a reason")
        browser.screenshot(os.path.join(shots, "05-officer-status-set.png"))
        browser.navigate(gateway.url(f"/inbox/dossier/{code}/print"))
        browser.screenshot(os.path.join(shots, "06-officer-print.png"))

        # The kiosk's lookup: the same signed status request the kiosk's lookup screen makes.
        reply = gateway.signed("bt-bac", "GET", f"/v1/dossiers/{code}")
        check(reply.get("status") == "correcting" and reply.get("status_reason") == REASON,
              "the kiosk's lookup shows 'more papers needed' with the officer's reason")
        opened = reply.get("opened", {})
        check(opened.get("count", 0) >= 2
              and any(o.get("office") == OFFICE for o in opened.get("by", [])),
              f"the kiosk's lookup carries the access record ({json.dumps(opened, ensure_ascii=False)})")
        browser.close()
        browser = None

        # The admin enters each village's adults through the skills page's forms.
        browser = Chromium(args.chromium, os.path.join(work, "profile-admin"),
                           os.path.join(work, "chromium-admin.log"))
        browser.open_page()
        sign_in(browser, gateway, ADMIN, shots)
        for village, adults in ADULTS.items():
            browser.navigate(gateway.url("/dashboard/skills"))
            browser.submit_and_wait(
                "const form = [...document.querySelectorAll('form.inline')].find("
                f"f => f.village && f.village.value === {json.dumps(village)});"
                f"form.adults.value = '{adults}'; form.querySelector('button').click();")
        check("Đã lưu số người lớn của Thôn Tây" in browser.text(),
              "the admin saves the villages' adult populations")
        browser.screenshot(os.path.join(shots, "07-admin-skills.png"))
        browser.close()
        browser = None

        browser = Chromium(args.chromium, os.path.join(work, "profile-viewer"),
                           os.path.join(work, "chromium-viewer.log"))
        browser.open_page()
        sign_in(browser, gateway, VIEWER, shots, "07-viewer-login.png")
        check(browser.evaluate("location.pathname") == "/dashboard/kiosks",
              "the viewer lands on the kiosks page")
        red = browser.evaluate(
            "getComputedStyle(document.querySelector('#kiosk-bt-dong td')).color")
        first = browser.evaluate("document.querySelector('#kiosks tr:nth-child(2)').id")
        check(red == "rgb(176, 0, 0)" and first in ("kiosk-bt-dong", "kiosk-bt-tay"),
              f"the out-of-paper kiosk is red and problems come first ({red}, {first})")
        check("Nhà văn hóa thôn Đông: máy in hết giấy từ" in browser.text(),
              "the alert reads 'Nhà văn hóa thôn Đông: máy in hết giấy từ …'")
        check(code not in browser.html() and "Lê" not in browser.text(),
              "the kiosks page shows no dossier code")
        bac = browser.evaluate("document.querySelector('#kiosk-bt-bac').innerText")
        check("Trực tuyến" in bac,
              f"the demo kiosk's own heartbeat shows it online ({bac!r})")
        browser.screenshot(os.path.join(shots, "08-viewer-kiosks.png"))

        browser.submit_and_wait("document.querySelector('nav a[href=\"/dashboard/usage\"]').click()")
        browser.submit_and_wait("document.getElementById('period-month').click()")
        text = browser.text()
        check("Tháng" in text and browser.evaluate("!!document.getElementById('chart-sessions')"),
              "the viewer opens a month of usage with its charts")
        browser.screenshot(os.path.join(shots, "09-viewer-usage-month.png"))

        downloads = os.path.join(work, "downloads")
        os.makedirs(downloads)
        browser.send("Browser.setDownloadBehavior",
                     {"behavior": "allow", "downloadPath": downloads, "eventsEnabled": True},
                     browser_level=True)
        browser.evaluate("document.getElementById('csv').click()")
        browser.wait_event("Browser.downloadProgress", timeout=30,
                           predicate=lambda p: p.get("state") == "completed")
        files = os.listdir(downloads)
        csv = open(os.path.join(downloads, files[0]), encoding="utf-8-sig").read() if files else ""
        check(len(files) == 1 and files[0].startswith("usage-") and
              csv.startswith("from,to,village,metric") and "Thôn Đông,sessions" in csv,
              f"the viewer downloads the month's CSV ({files})")

        browser.navigate(gateway.url("/dashboard/usage?period=quarter"))
        browser.screenshot(os.path.join(shots, "10-viewer-usage-quarter.png"))
        browser.navigate(gateway.url("/dashboard/skills"))
        check(browser.evaluate("document.querySelectorAll('#chart-skills rect').length") == 3
              and "/dashboard/skills/population" not in browser.html(),
              "the viewer sees each village's progress and no admin form")
        browser.screenshot(os.path.join(shots, "11-viewer-skills.png"))
        browser.navigate(gateway.url("/inbox"))
        check(browser.document_status == 403, "the viewer cannot open the inbox (403)")
        browser.screenshot(os.path.join(shots, "12-viewer-inbox-refused.png"))
        browser.navigate(gateway.url(f"/inbox/dossier/{code}"))
        check(browser.document_status == 403 and REASON not in browser.text(),
              "the viewer cannot open the dossier either")
        browser.navigate(gateway.url("/lang?to=en&back=/dashboard/kiosks"))
        check("cultural house: printer out of paper since" in browser.text(),
              "the kiosks page in English")
        browser.screenshot(os.path.join(shots, "13-viewer-kiosks-english.png"))
        finished = True
    finally:
        if browser:
            browser.close()
        if gateway:
            gateway.stop()
        if failures or not finished:
            print(f"logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots in {shots}")
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

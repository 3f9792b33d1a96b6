# A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (Python standard library
# only): chromium reads commands on fd 3 and writes replies and events on fd 4, each message one
# JSON text ended by a NUL byte, so no websocket library is needed.
import base64
import json
import os
import select
import subprocess
import time


class BrowserError(Exception):
    pass


class Chromium:
    def __init__(self, binary, profile_dir, log_path):
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()

        def wire_pipes():
            # In the child: the protocol's fixed descriptors 3 (commands) and 4 (replies). Copy
            # both out of the way first, in case either already sits on 3 or 4.
            commands = os.dup(to_browser_read)
            replies = os.dup(from_browser_write)
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--mute-audio",
            "--user-data-dir=" + profile_dir, "--remote-debugging-pipe",
            "--window-size=1280,900", "--lang=vi-VN", "about:blank",
        ]
        self.log = open(log_path, "wb")
        self.process = subprocess.Popen([binary] + flags, stdin=subprocess.DEVNULL,
                                        stdout=self.log, stderr=self.log,
                                        pass_fds=(3, 4),  # kept open past wire_pipes
                                        preexec_fn=wire_pipes)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.out = to_browser_write
        self.inp = from_browser_read
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None
        self.document_status = None  # HTTP status of the latest top-level page

    def close(self):
        try:
            self.send("Browser.close", browser_level=True, timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.out)
        os.close(self.inp)
        self.log.close()

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("chromium did not answer in time")
            ready, _, _ = select.select([self.inp], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.inp, 1 << 20)
            if not chunk:
                raise BrowserError("chromium closed the protocol pipe (see its log)")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, browser_level=False, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if not browser_level and self.session:
            message["sessionId"] = self.session
        os.write(self.out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise BrowserError(method + ": " + json.dumps(reply["error"]))
                return reply.get("result", {})
            if "method" in reply:
                self._note(reply)

    def _note(self, event):
        self.events.append(event)
        if (event["method"] == "Network.responseReceived"
                and event["params"].get("type") == "Document"):
            self.document_status = event["params"]["response"]["status"]

    def wait_event(self, method, timeout=30, predicate=None):
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method and (predicate is None or predicate(event["params"])):
                    del self.events[: index + 1]
                    return event["params"]
            event = self._read_message(deadline)
            if "method" in event:
                self._note(event)

    def open_page(self):
        targets = self.send("Target.getTargets", browser_level=True)["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        attached = self.send("Target.attachToTarget",
                             {"targetId": page["targetId"], "flatten": True}, browser_level=True)
        self.session = attached["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Network.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    def navigate(self, url):
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError("script failed: " + json.dumps(result["exceptionDetails"]))
        return result["result"].get("value")

    def submit_and_wait(self, expression):
        """Runs a script that submits a form or follows a link, and waits for the next page."""
        self.events.clear()
        self.evaluate(expression)
        self.wait_event("Page.loadEventFired")

    def text(self):
        return self.evaluate("document.body ? document.body.innerText : ''")

    def html(self):
        return self.evaluate("document.documentElement.outerHTML")

    def screenshot(self, path):
        metrics = self.send("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        height = max(900, min(int(size["height"]) + 1, 4000))
        shot = self.send("Page.captureScreenshot",
                         {"format": "png", "captureBeyondViewport": True,
                          "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))

// The one place where a Status becomes an HTTP status and an error body:
// {"error": {"code": "InvalidArgument", "message": "...", "field": "members[0].sex"}}.
// Internal errors are logged and answered without their detail (no SQL in bodies).
#pragma once

#include <httplib.h>

#include "core/status.h"

namespace acogida::http {

int HttpStatusFor(StatusCode code);

// Fills `res` with the status and JSON error body for a non-OK `status`.
void WriteError(httplib::Response& res, const Status& status);

}  // namespace acogida::http

namespace acogida::http {

// For errors cpp-httplib raises itself before any route runs (no matching route 404,
// oversized body 413, malformed request 400, ...): gives them the same JSON error shape.
// Leaves `res` untouched if a handler already wrote a body.
void WriteTransportError(const httplib::Request& req, httplib::Response& res);

}  // namespace acogida::http

"""The meeting cycle's multi-step writes, one module per capability:

- optagelse: recording the meeting (attendance, decisions, votes, minority statements)
- underskrift: closing for signing, signing, withdrawing, reminders, reopening
- laasning: locking a fully signed protocol (render, store, hash) and verifying stored files
"""

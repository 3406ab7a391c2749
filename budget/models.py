# Budget rounds and savings proposals arrive with their own issue.
